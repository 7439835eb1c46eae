package io.tcpchat.event;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import io.tcpchat.config.ThreadPools;

/**
 * A fixed number of threads ("lanes"), each running its tasks one after the other. A task goes to the lane chosen
 * from its key, so tasks with the same key (the same channel, the same DM recipient) run in the order they were
 * given, while tasks with other keys run on the other lanes meanwhile: the delivery of stored messages uses it so
 * that one big channel no longer holds up the rest.
 */
public final class OrderedLanes implements AutoCloseable {

	private final ExecutorService[] lanes;

	public OrderedLanes(String prefix, int lanes) {
		this.lanes = new ExecutorService[lanes];
		for (int i = 0; i < lanes; i++) {
			this.lanes[i] = ThreadPools.queued(prefix + "-" + (i + 1), 1);
		}
	}

	/** The lane of a key: always the same one for equal keys. */
	public int laneOf(Object key) {
		int hash = key.hashCode();
		return Math.floorMod(hash ^ (hash >>> 16), this.lanes.length);
	}

	public void execute(Object key, Runnable task) {
		this.lanes[laneOf(key)].execute(task);
	}

	public int size() {
		return this.lanes.length;
	}

	/** Lets the lanes finish what they were given (at most a few seconds), then stops them. */
	@Override
	public void close() {
		for (ExecutorService lane : this.lanes) {
			lane.shutdown();
		}
		try {
			for (ExecutorService lane : this.lanes) {
				lane.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
