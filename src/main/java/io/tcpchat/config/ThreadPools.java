package io.tcpchat.config;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The one way the server makes thread pools: every pool has a name (its threads are called
 * {@code prefix-1, prefix-2, ...}) and a maximum number of threads. {@code ArchitectureTests} refuses the
 * unbounded factories of {@code Executors}.
 */
public final class ThreadPools {

	private ThreadPools() {
	}

	/** Up to {@code threads} threads, started as needed and stopped after a minute idle; further tasks wait in line. */
	public static ThreadPoolExecutor queued(String prefix, int threads) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), new CustomizableThreadFactory(prefix + "-"));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * One thread running its tasks in the order given, with room for {@code capacity} waiting ones; a task beyond
	 * that is rejected ({@link java.util.concurrent.RejectedExecutionException}).
	 */
	public static ThreadPoolExecutor serial(String prefix, int capacity) {
		ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(capacity), new CustomizableThreadFactory(prefix + "-"));
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/**
	 * Up to {@code maxThreads} threads and no line: a task that finds them all busy is rejected
	 * ({@link java.util.concurrent.RejectedExecutionException}), for a caller that can try again later.
	 */
	public static ExecutorService handOff(String prefix, int maxThreads) {
		return new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new CustomizableThreadFactory(prefix + "-"));
	}

	/** {@code perCore} threads per available core, at least {@code atLeast}. */
	public static int perCore(int perCore, int atLeast) {
		return Math.max(atLeast, perCore * Runtime.getRuntime().availableProcessors());
	}

}
