package io.tcpchat.support;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every test client of the chat protocol does with the lines the server sends, whatever carries them: they
 * are collected as they arrive; the expect methods wait (bounded) for a matching line and consume everything up to
 * it.
 */
public abstract class LineClient implements Closeable {

	public static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CLOSED = "\u0000closed";

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final List<String> transcript = new ArrayList<>();

	private volatile boolean closedByServer;

	/** Sends one line to the server. */
	public abstract LineClient send(String line);

	@Override
	public abstract void close();

	/** The transport calls this with every line (or frame) the server sent, in order. */
	protected void received(String line) {
		this.lines.add(line);
	}

	/** The transport calls this once the server has closed the connection. */
	protected void endOfStream() {
		this.closedByServer = true;
		this.lines.add(CLOSED);
	}

	/** The next raw line, waiting at most {@link #TIMEOUT}. */
	public String nextLine() {
		try {
			String line = this.lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			if (line == null) {
				fail("No line from the server within " + TIMEOUT + "; last lines: " + recent());
			}
			if (line == CLOSED) {
				this.lines.add(CLOSED);
				fail("The server closed the connection; last lines: " + recent());
			}
			this.transcript.add(line);
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The next json event, skipping text lines (those written before {@code //format json} took effect). */
	public JsonNode nextEvent() {
		while (true) {
			String line = nextLine();
			if (line.startsWith("{")) {
				return JSON.readTree(line);
			}
		}
	}

	/**
	 * Consumes lines until one matches {@code matcher} or {@code wait} has passed without one: whether it came.
	 * For what may or may not arrive (e.g. while a link is being restored); everything else uses the expect methods.
	 */
	public boolean sees(Predicate<String> matcher, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		try {
			for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
				String line = this.lines.poll(left, TimeUnit.NANOSECONDS);
				if (line == null) {
					return false;
				}
				if (line == CLOSED) {
					this.lines.add(CLOSED);
					return false;
				}
				this.transcript.add(line);
				if (matcher.test(line)) {
					return true;
				}
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Consumes lines up to the first one matching {@code matcher}, and returns it. */
	public String expectLine(Predicate<String> matcher) {
		while (true) {
			String line = nextLine();
			if (matcher.test(line)) {
				return line;
			}
		}
	}

	/** Consumes events up to the first of {@code type} and returns it (json format). */
	public JsonNode expect(String type) {
		return expect(type, e -> true);
	}

	public JsonNode expect(String type, Predicate<JsonNode> matcher) {
		while (true) {
			JsonNode event = nextEvent();
			if (type.equals(event.path("type").asString()) && matcher.test(event)) {
				return event;
			}
		}
	}

	public JsonNode expectReply(String command) {
		return expect("reply", e -> command.equals(e.path("command").asString()));
	}

	public JsonNode expectError(String code) {
		return expect("error", e -> code.equals(e.path("code").asString()));
	}

	/** Sends a command and returns its reply, failing on an error instead. */
	public JsonNode command(String line) {
		send(line);
		String name = line.substring(2).split(" ", 2)[0];
		while (true) {
			JsonNode event = nextEvent();
			String type = event.path("type").asString();
			if ("reply".equals(type) && name.equals(event.path("command").asString())) {
				return event;
			}
			if ("error".equals(type)) {
				fail("//" + name + " failed: " + event);
			}
		}
	}

	/** Sends a command and returns the error it must produce. */
	public JsonNode commandError(String line) {
		send(line);
		return expect("error");
	}

	/** Waits until the server has closed the connection. */
	public void expectClosed() {
		try {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
				if (line == CLOSED) {
					this.lines.add(CLOSED);
					return;
				}
				if (line != null) {
					this.transcript.add(line);
				}
			}
			fail("The server did not close the connection; last lines: " + recent());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The last few lines received, shortened, for failure messages. */
	private List<String> recent() {
		int from = Math.max(0, this.transcript.size() - 8);
		return this.transcript.subList(from, this.transcript.size())
			.stream()
			.map(line -> (line.length() > 200) ? line.substring(0, 200) + "..." : line)
			.toList();
	}

	public boolean isClosedByServer() {
		return this.closedByServer;
	}

	public List<String> transcript() {
		return List.copyOf(this.transcript);
	}

	public static JsonNode parse(String line) {
		return JSON.readTree(line);
	}

	public static void assertType(JsonNode event, String type) {
		assertThat(event.path("type").asString()).isEqualTo(type);
	}

}
