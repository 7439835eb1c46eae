package io.tcpchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Drives thousands of {@link LoadClient}s from one or a few selector threads. Each client belongs to one
 * {@link Worker}; the main thread talks to workers only through their task queues.
 */
final class LoadEngine implements AutoCloseable {

	private final BenchOptions options;

	private final Stats stats;

	private final InetSocketAddress server;

	/** Where clients on the WebSocket listener connect: the server's HTTP port. */
	private final InetSocketAddress webServer;

	/** Where IRC clients connect: the server's IRC listener, or a third-party IRC server. */
	private final InetSocketAddress ircServer;

	private final List<Worker> workers = new ArrayList<>();

	/** The last resume token of each client, by index (storm scenario). */
	private final Map<Integer, String> resumeTokens = new ConcurrentHashMap<>();

	private final String padding;

	LoadEngine(BenchOptions options, Stats stats, int port, int httpPort, int ircPort) throws IOException {
		this.options = options;
		this.stats = stats;
		this.server = new InetSocketAddress(options.host(), port);
		this.webServer = new InetSocketAddress(options.host(), httpPort);
		this.ircServer = new InetSocketAddress(options.host(), ircPort);
		this.padding = "x".repeat(Math.max(1, options.messageBytes() - 40));
		for (int i = 0; i < Math.max(1, options.threads()); i++) {
			Worker worker = new Worker(i);
			this.workers.add(worker);
			worker.thread.start();
		}
	}

	/**
	 * Connects clients {@code from..to-1} in {@code mode}, at most {@code concurrency} logins in flight, and
	 * waits until each is ready (SESSION) or done (PREPARE) or failed, or the timeout passes.
	 * @return the number that became ready or done
	 */
	int connect(int from, int to, LoadClient.Mode mode, int concurrency, long timeoutMillis)
			throws InterruptedException {
		int count = to - from;
		CountDownLatch settled = new CountDownLatch(count);
		AtomicInteger succeeded = new AtomicInteger();
		int perWorker = Math.max(1, concurrency / this.workers.size());
		for (int w = 0; w < this.workers.size(); w++) {
			Worker worker = this.workers.get(w);
			List<LoadClient> mine = new ArrayList<>();
			for (int i = from + w; i < to; i += this.workers.size()) {
				mine.add(newClient(i, mode, worker, settled, succeeded));
			}
			worker.submit(() -> worker.startConnecting(mine, perWorker));
		}
		settled.await(timeoutMillis, TimeUnit.MILLISECONDS);
		return succeeded.get();
	}

	/** Keeps {@code count} clients cycling through connect, login, quit until {@link #stopChurn()}. */
	void startChurn(int count, int concurrency) {
		int perWorker = Math.max(1, concurrency / this.workers.size());
		for (int w = 0; w < this.workers.size(); w++) {
			Worker worker = this.workers.get(w);
			List<LoadClient> mine = new ArrayList<>();
			for (int i = w; i < count; i += this.workers.size()) {
				mine.add(newClient(i, LoadClient.Mode.CHURN, worker, null, null));
			}
			worker.submit(() -> {
				worker.churning = true;
				worker.startConnecting(mine, perWorker);
			});
		}
	}

	void stopChurn() throws InterruptedException {
		runOnAll(worker -> worker.churning = false);
	}

	/** Starts the senders among the ready clients: {@code rate} messages/s in total, or 0 for closed loop. */
	void startSending(int senders, double rate) throws InterruptedException {
		double perSenderRate = (rate > 0) ? rate / senders : 0;
		runOnAll(worker -> worker.startSending(senders, perSenderRate));
	}

	void stopSending() throws InterruptedException {
		runOnAll(worker -> worker.sending = false);
	}

	/** Closes every socket. */
	void disconnectAll() throws InterruptedException {
		runOnAll(Worker::disconnectAll);
	}

	long outstanding() throws InterruptedException {
		AtomicLong total = new AtomicLong();
		runOnAll(worker -> worker.ready.forEach(c -> total.addAndGet(c.outstanding())));
		return total.get();
	}

	@Override
	public void close() throws InterruptedException {
		for (Worker worker : this.workers) {
			worker.running = false;
			worker.selector.wakeup();
			worker.thread.join(5000);
		}
	}

	private LoadClient newClient(int index, LoadClient.Mode mode, Worker worker, CountDownLatch settled,
			AtomicInteger succeeded) {
		String channel = this.options.channelOf(index);
		String partner = null;
		if (this.options.scenario() == Scenario.DM && mode == LoadClient.Mode.SESSION) {
			partner = this.options.userName((index + this.options.clients() / 2) % this.options.clients());
		}
		if (mode == LoadClient.Mode.CHURN) {
			channel = null;
		}
		// accounts are prepared over the chat's own protocol; IRC clients are for the measured sessions
		IrcLoad irc = (mode == LoadClient.Mode.SESSION && this.options.onIrc(index))
				? new IrcLoad(this.options.userName(index), this.options.password(), channel,
						this.options.externalIrc())
				: null;
		LoadClient client = new LoadClient(index, this.options.userName(index), this.options.password(), channel,
				partner, mode, this.stats, worker.listener(settled, succeeded), this.options.onWebSocket(index), irc);
		if (this.options.scenario() == Scenario.STORM && mode == LoadClient.Mode.SESSION) {
			client.keepResumeTokens(this.resumeTokens);
		}
		return client;
	}

	private void runOnAll(Consumer<Worker> action) throws InterruptedException {
		CountDownLatch done = new CountDownLatch(this.workers.size());
		for (Worker worker : this.workers) {
			worker.submit(() -> {
				try {
					action.accept(worker);
				}
				finally {
					done.countDown();
				}
			});
		}
		if (!done.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("A generator thread did not answer in 30 s");
		}
	}

	/** One selector thread and the clients it owns. */
	private final class Worker implements Runnable {

		final Selector selector;

		final Thread thread;

		final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

		final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);

		final Queue<LoadClient> toConnect = new ArrayDeque<>();

		final List<LoadClient> ready = new ArrayList<>();

		final List<LoadClient> senders = new ArrayList<>();

		volatile boolean running = true;

		boolean sending;

		boolean churning;

		double perSenderRate;

		int inFlight;

		int maxInFlight;

		long lastPump;

		Worker(int number) throws IOException {
			this.selector = Selector.open();
			this.thread = new Thread(this, "bench-io-" + number);
			this.thread.setDaemon(true);
		}

		void submit(Runnable task) {
			this.tasks.add(task);
			this.selector.wakeup();
		}

		LoadClient.Listener listener(CountDownLatch settled, AtomicInteger succeeded) {
			return new LoadClient.Listener() {

				@Override
				public void ready(LoadClient client) {
					Worker.this.ready.add(client);
					Worker.this.inFlight--;
					settle(true);
				}

				@Override
				public void done(LoadClient client) {
					Worker.this.inFlight--;
					if (Worker.this.churning) {
						LoadEngine.this.stats.cycles.increment();
						Worker.this.toConnect.add(client);
					}
					else {
						settle(true);
					}
				}

				@Override
				public void failed(LoadClient client, String reason) {
					boolean wasReady = Worker.this.ready.remove(client);
					Worker.this.senders.remove(client);
					if (!wasReady) {
						Worker.this.inFlight--;
						settle(false);
					}
					if (Worker.this.churning) {
						Worker.this.toConnect.add(client);
					}
				}

				private void settle(boolean success) {
					if (settled != null) {
						if (success) {
							succeeded.incrementAndGet();
						}
						settled.countDown();
					}
				}

			};
		}

		void startConnecting(List<LoadClient> clients, int maxInFlight) {
			this.toConnect.addAll(clients);
			this.maxInFlight = maxInFlight;
		}

		void startSending(int senderCount, double perSenderRate) {
			this.senders.clear();
			long now = System.nanoTime();
			for (LoadClient client : this.ready) {
				if (client.index < senderCount) {
					this.senders.add(client);
					// spread the first sends over one interval so senders do not fire in step
					client.nextSendNanos = now + ((perSenderRate > 0)
							? (long) (Math.random() * 1e9 / perSenderRate) : 0);
				}
			}
			this.perSenderRate = perSenderRate;
			this.sending = true;
		}

		void disconnectAll() {
			this.churning = false;
			this.sending = false;
			this.toConnect.clear();
			for (SelectionKey key : this.selector.keys()) {
				if (key.attachment() instanceof LoadClient client) {
					client.quit();
				}
			}
			this.ready.clear();
			this.senders.clear();
		}

		@Override
		public void run() {
			while (this.running) {
				try {
					Runnable task;
					while ((task = this.tasks.poll()) != null) {
						task.run();
					}
					connectMore();
					this.selector.select(this.sending ? 1 : 20);
					Iterator<SelectionKey> keys = this.selector.selectedKeys().iterator();
					while (keys.hasNext()) {
						SelectionKey key = keys.next();
						keys.remove();
						((LoadClient) key.attachment()).handle(key, this.readBuffer);
					}
					if (this.sending) {
						pump();
					}
				}
				catch (IOException | RuntimeException ex) {
					LoadEngine.this.stats.error("generator:" + ex.getClass().getSimpleName());
				}
			}
			for (SelectionKey key : this.selector.keys()) {
				((LoadClient) key.attachment()).quit();
			}
			try {
				this.selector.close();
			}
			catch (IOException ex) {
				// exiting
			}
		}

		private void connectMore() {
			int attempts = 0;
			while (this.inFlight < this.maxInFlight && !this.toConnect.isEmpty() && attempts++ < 1000) {
				LoadClient client = this.toConnect.poll();
				this.inFlight++;
				try {
					client.connect(this.selector, client.speaksIrc() ? LoadEngine.this.ircServer
							: LoadEngine.this.options.onWebSocket(client.index) ? LoadEngine.this.webServer
									: LoadEngine.this.server, sourceAddress(client.index));
				}
				catch (IOException ex) {
					LoadEngine.this.stats.error("connect:" + ex.getMessage());
					client.handleConnectFailure();
				}
			}
		}

		private InetSocketAddress sourceAddress(int index) {
			int count = LoadEngine.this.options.sourceAddresses();
			if (count <= 1) {
				return null;
			}
			return new InetSocketAddress("127.0.0." + (1 + index % count), 0);
		}

		private void pump() throws IOException {
			long now = System.nanoTime();
			if (now - this.lastPump < 200_000) {
				return;
			}
			this.lastPump = now;
			int window = LoadEngine.this.options.window();
			for (LoadClient sender : this.senders) {
				if (this.perSenderRate > 0) {
					long interval = (long) (1e9 / this.perSenderRate);
					int burst = 0;
					while (sender.nextSendNanos <= now && burst++ < 100) {
						if (sender.canSend()) {
							sender.sendMessage(LoadEngine.this.padding);
						}
						else {
							LoadEngine.this.stats.sendBlocked.increment();
						}
						sender.nextSendNanos += interval;
					}
					if (sender.nextSendNanos < now - 1_000_000_000L) {
						sender.nextSendNanos = now; // more than a second behind: do not try to catch up
					}
				}
				else {
					int burst = 0;
					while (sender.canSend() && sender.outstanding() < window && burst++ < window) {
						sender.sendMessage(LoadEngine.this.padding);
					}
				}
			}
		}

	}

}
