package io.tcpchat.transport;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer threads of the plain connections: a fixed number of threads, each running one long task that drains
 * the connections handed to it, in the order they became ready. Handing a connection over is one queue insertion
 * (and a wake-up if the thread sleeps), not an executor submission; a connection always goes to the same thread,
 * chosen from its hash.
 */
final class WriterThreads implements Executor, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WriterThreads.class);

	private final Worker[] workers;

	private final AtomicInteger started = new AtomicInteger();

	private volatile boolean stopped;

	WriterThreads(String prefix, int threads) {
		this.workers = new Worker[threads];
		for (int i = 0; i < threads; i++) {
			this.workers[i] = new Worker();
			Thread thread = new Thread(this.workers[i], prefix + "-" + (i + 1));
			thread.setDaemon(true);
			this.workers[i].thread = thread;
		}
	}

	/** Runs the drain on the thread that owns it; the same drain always runs on the same thread. */
	@Override
	public void execute(Runnable drain) {
		startOnce();
		int hash = drain.hashCode();
		Worker worker = this.workers[Math.floorMod(hash ^ (hash >>> 16), this.workers.length)];
		worker.tasks.add(drain);
		if (worker.sleeping) {
			LockSupport.unpark(worker.thread);
		}
	}

	int size() {
		return this.workers.length;
	}

	@Override
	public void close() {
		this.stopped = true;
		for (Worker worker : this.workers) {
			LockSupport.unpark(worker.thread);
		}
	}

	private void startOnce() {
		if (this.started.get() == 0 && this.started.compareAndSet(0, 1)) {
			for (Worker worker : this.workers) {
				worker.thread.start();
			}
		}
	}

	private final class Worker implements Runnable {

		private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		private Thread thread;

		/** Set before the last look at the queue and parking: whoever adds a task after that look unparks. */
		private volatile boolean sleeping;

		@Override
		public void run() {
			while (!WriterThreads.this.stopped) {
				Runnable task = this.tasks.poll();
				if (task != null) {
					runSafely(task);
					continue;
				}
				this.sleeping = true;
				if (this.tasks.isEmpty() && !WriterThreads.this.stopped) {
					LockSupport.park(this);
				}
				this.sleeping = false;
			}
		}

		private void runSafely(Runnable task) {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				log.warn("A write failed unexpectedly", ex);
			}
		}

	}

}
