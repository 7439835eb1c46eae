package io.tcpchat.cache;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded cache of values read from the database and dropped by events ({@link #invalidate}) once the record
 * changed. A value read while an invalidation ran is never kept: every invalidation counts a generation, and a
 * load that saw the generation move between its start and its put is dropped again, so a slow load cannot put
 * back what an event just removed (the event comes after the commit, so a load started after it reads the new
 * state). Values must not be null (cache {@code Optional}s for absence).
 */
public final class InvalidatedCache<K, V> {

	private final Cache<K, V> cache;

	/** Counts invalidations; a load keeps its value only if none ran meanwhile. */
	private final AtomicLong generation = new AtomicLong();

	public InvalidatedCache(long maximumSize) {
		this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	/** The cached value, or {@code loader}'s (not held while loading: loads of one key may overlap). */
	public V get(K key, Function<? super K, ? extends V> loader) {
		V cached = this.cache.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		long started = this.generation.get();
		V loaded = loader.apply(key);
		if (this.generation.get() == started) {
			this.cache.put(key, loaded);
			if (this.generation.get() != started) {
				// an invalidation ran between the check and the put: it may have missed this value
				this.cache.invalidate(key);
			}
		}
		return loaded;
	}

	public V getIfPresent(K key) {
		return this.cache.getIfPresent(key);
	}

	public void invalidate(K key) {
		this.generation.incrementAndGet();
		this.cache.invalidate(key);
	}

	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.cache.invalidateAll();
	}

	public long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

}
