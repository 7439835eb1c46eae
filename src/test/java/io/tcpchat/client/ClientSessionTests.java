package io.tcpchat.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tcpchat.client.ClientSession.Input;
import io.tcpchat.support.ManualClock;
import io.tcpchat.client.ReconnectorTests.ManualScheduler;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The client's protocol logic against a scripted server on a real socket: login through the prompts, keepalive,
 * and after the connection drops logging in again with the remembered credentials, rejoining, restoring the
 * current channel and fetching what was missed.
 */
class ClientSessionTests {

	private ServerSocket listener;

	private final ManualScheduler scheduler = new ManualScheduler();

	private final ManualClock clock = new ManualClock();

	private final List<String> screen = new CopyOnWriteArrayList<>();

	private ClientSession session;

	@BeforeEach
	void start() throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		ClientOptions options = ClientOptions.parse("--host", "127.0.0.1", "--port",
				String.valueOf(this.listener.getLocalPort()));
		this.session = new ClientSession(new Connector(options),
				new EventFormatter(ZoneOffset.UTC, Clock.fixed(this.clock.instant(), ZoneOffset.UTC)),
				new ClientSession.Screen() {

					@Override
					public void show(AttributedString lines) {
						ClientSessionTests.this.screen.add(lines.toString());
					}

					@Override
					public void inputChanged() {
					}

					@Override
					public void promptChanged() {
					}

				}, new CompletionData(), this.clock);
		this.session.reconnectWith(new Reconnector(new Backoff(Backoff.INITIAL, Backoff.MAX, () -> 0.5),
				this.scheduler, this.clock, this.session::reconnect, new Reconnector.Listener() {

					@Override
					public void waiting(int attempt, Duration delay, String reason) {
						ClientSessionTests.this.session.reconnectWaiting(attempt, delay, reason);
					}

					@Override
					public void connected(int attempt) {
					}

					@Override
					public void gaveUp(String reason) {
						ClientSessionTests.this.session.reconnectGaveUp(reason);
					}

				}));
	}

	@AfterEach
	void stop() throws IOException {
		this.session.close();
		this.listener.close();
	}

	@Test
	void logsInThroughThePromptsAndAnswersPings() throws Exception {
		this.session.start();
		try (Peer server = new Peer(this.listener.accept())) {
			loginByPrompts(server);
			server.send("{\"type\":\"ping\",\"token\":\"t1\"}");
			server.expect("//pong t1");
			assertThat(this.session.credentials()).isEqualTo(new ClientSession.Credentials("alice", "secret-pw", "token-1"));
			assertThat(this.screen).anyMatch(line -> line.startsWith("-- Logged in as alice."));
		}
	}

	@Test
	void withUserItAsksOnlyForThePasswordAndAfterAFailureForTheNameAgain() throws Exception {
		this.session.loginAs("alice");
		this.session.start();
		try (Peer server = new Peer(this.listener.accept())) {
			server.expect("//format json");
			server.send("{\"type\":\"prompt\",\"field\":\"username\",\"text\":\"Username:\",\"secret\":false}");

			server.expect("alice");
			assertThat(this.session.openPrompt()).as("no username prompt shown").isNull();
			server.send("{\"type\":\"prompt\",\"field\":\"password\",\"text\":\"Password:\",\"secret\":true}");
			await().until(() -> this.session.openPrompt() != null);
			assertThat(this.session.openPrompt().prompt().field()).isEqualTo("password");
			this.session.answer(this.session.openPrompt(), "wrong-pw");
			server.expect("wrong-pw");

			server.send("{\"type\":\"error\",\"code\":\"bad-credentials\",\"text\":\"Wrong username or password.\"}");
			server.send("{\"type\":\"prompt\",\"field\":\"username\",\"text\":\"Username:\",\"secret\":false}");
			await().until(() -> this.session.openPrompt() != null);
			assertThat(this.session.openPrompt().prompt().field()).isEqualTo("username");
			assertThat(this.session.lastUsername()).isEqualTo("alice");
		}
	}

	@Test
	void afterTheConnectionDropsItLogsInAgainRejoinsAndFetchesWhatWasMissed() throws Exception {
		this.session.start();
		try (Peer first = new Peer(this.listener.accept())) {
			loginByPrompts(first);
			first.send(message(10, "general", "before"));
			first.send(message(11, "dev", "before"));
			first.send("{\"type\":\"bye\",\"reason\":\"shutdown\"}");
		}
		await().until(() -> this.session.phase() == ClientSession.Phase.OFFLINE);
		assertThat(this.screen).contains("-- Connection lost (the server said shutdown). Reconnecting in 1.0 s...");
		assertThat(this.session.awaitInput()).as("the user may keep typing").isEqualTo(Input.CHAT);

		this.clock.advance(Duration.ofSeconds(5));
		this.scheduler.runNext();
		try (Peer second = new Peer(this.listener.accept())) {
			second.expect("//format json");
			second.expect("//resume alice token-1");
			second.send("{\"type\":\"reply\",\"command\":\"format\",\"text\":\"Format is now json.\",\"data\":{}}");
			second.send("{\"type\":\"prompt\",\"field\":\"username\",\"text\":\"Username:\",\"secret\":false}");
			second.send("{\"type\":\"logged-in\",\"user\":\"alice\",\"roles\":[\"user\"],\"channel\":\"general\","
					+ "\"resume\":\"token-2\"}");
			second.expect("//join dev");
			second.expect("//history #dev 50");
			second.expect("//history #general 50");
			second.send("{\"type\":\"reply\",\"command\":\"join\",\"text\":\"You are in #dev\",\"data\":{\"channel\":\"dev\"}}");
			second.send(history(message(11, "dev", "before"), message(13, "dev", "missed two"),
					message(14, "dev", "missed three")));
			second.send(history(message(9, "general", "old"), message(10, "general", "before"),
					message(12, "general", "missed one")));
			await().until(() -> this.screen.stream().anyMatch(line -> line.startsWith("-- Back online")));
		}
		assertThat(this.screen).contains("-- 1 message in #general while you were away:",
				"00:00 #general bob: missed one", "-- 2 messages in #dev while you were away:",
				"00:00 #dev bob: missed two\n00:00 #dev bob: missed three");
		assertThat(this.screen).as("only messages newer than the last one seen").noneMatch(line -> line.contains("old"))
			.filteredOn(line -> line.contains("bob: before"))
			.hasSize(2);
		assertThat(this.screen)
			.contains("-- Back online after 5 s as alice in #dev. You may have missed 3 messages (in #dev, #general; shown above).");
		assertThat(this.session.currentChannel()).isEqualTo("dev");
		assertThat(this.session.openPrompt()).isNull();
		assertThat(this.session.credentials()).as("the fresh token is kept for the next reconnect")
			.isEqualTo(new ClientSession.Credentials("alice", "secret-pw", "token-2"));
	}

	@Test
	void havingSeenNoMessageItCountsWhatWasWrittenSinceTheDisconnectAndARefusedTokenFallsBackToThePassword() throws Exception {
		this.session.start();
		try (Peer first = new Peer(this.listener.accept())) {
			loginByPrompts(first);
		}
		await().until(() -> this.session.phase() == ClientSession.Phase.OFFLINE);
		this.clock.advance(Duration.ofSeconds(30));
		this.scheduler.runNext();
		try (Peer second = new Peer(this.listener.accept())) {
			second.expect("//format json");
			second.expect("//resume alice token-1");
			second.send("{\"type\":\"error\",\"code\":\"bad-credentials\",\"text\":\"Wrong username or resume token.\","
					+ "\"command\":\"resume\"}");
			second.send("{\"type\":\"prompt\",\"field\":\"username\",\"text\":\"Username:\",\"secret\":false}");
			second.expect("//login alice secret-pw");
			second.send("{\"type\":\"logged-in\",\"user\":\"alice\",\"roles\":[\"user\"],\"channel\":\"general\","
					+ "\"resume\":\"token-3\"}");
			second.expect("//join dev");
			second.expect("//history #dev 50");
			second.expect("//history #general 50");
			second.send("{\"type\":\"reply\",\"command\":\"format\",\"text\":\"Format is now json.\",\"data\":{}}");
			second.send("{\"type\":\"reply\",\"command\":\"join\",\"text\":\"ok\",\"data\":{\"channel\":\"dev\"}}");
			second.send(history(message(5, "2026-11-24T09:59:00Z", "dev", "earlier"),
					message(6, "2026-11-24T10:00:03Z", "dev", "meanwhile")));
			second.send(history());
			await().until(() -> this.screen.stream().anyMatch(line -> line.startsWith("-- Back online")));
		}
		assertThat(this.screen).contains("-- 1 message in #dev while you were away:", "10:00 #dev bob: meanwhile")
			.noneMatch(line -> line.contains("earlier"))
			.contains("-- Back online after 30 s as alice in #dev. You may have missed 1 message (in #dev; shown above).");
		assertThat(this.session.credentials()).as("a refused token falls back to the password")
			.isEqualTo(new ClientSession.Credentials("alice", "secret-pw", "token-3"));
	}

	@Test
	void aKickEndsTheSessionWithoutReconnecting() throws Exception {
		this.session.start();
		try (Peer server = new Peer(this.listener.accept())) {
			loginByPrompts(server);
			server.send("{\"type\":\"bye\",\"reason\":\"kicked by admin: spam\"}");
		}
		await().until(this.session::isClosed);
		assertThat(this.session.awaitInput()).isEqualTo(Input.CLOSED);
		assertThat(this.scheduler.tasks).isEmpty();
		assertThat(this.screen).contains("-- The server closed the session: kicked by admin: spam");
	}

	private void loginByPrompts(Peer server) throws Exception {
		server.expect("//format json");
		server.send("{\"type\":\"reply\",\"command\":\"format\",\"text\":\"Format is now json.\",\"data\":{}}");
		server.send("{\"type\":\"prompt\",\"field\":\"username\",\"text\":\"Username:\",\"secret\":false}");
		assertThat(this.session.awaitInput()).isEqualTo(Input.PROMPT);
		this.session.answer(this.session.openPrompt(), "alice");
		server.expect("alice");
		server.send("{\"type\":\"prompt\",\"field\":\"password\",\"text\":\"Password:\",\"secret\":true}");
		await().until(() -> this.session.openPrompt() != null);
		assertThat(this.session.openPrompt().prompt().secret()).isTrue();
		this.session.answer(this.session.openPrompt(), "secret-pw");
		server.expect("secret-pw");
		server.send("{\"type\":\"logged-in\",\"user\":\"alice\",\"roles\":[\"user\"],\"channel\":\"general\","
				+ "\"resume\":\"token-1\"}");
		server.expect("//help");
		server.expect("//channels");
		server.expect("//users");
		server.expect("//whoami");
		server.send("{\"type\":\"reply\",\"command\":\"help\",\"text\":\"...\",\"data\":{\"commands\":[{\"name\":\"join\"}]}}");
		server.send("{\"type\":\"reply\",\"command\":\"channels\",\"text\":\"...\",\"data\":{\"channels\":[{\"name\":\"general\"}]}}");
		server.send("{\"type\":\"reply\",\"command\":\"users\",\"text\":\"...\",\"data\":{\"users\":[\"alice\",\"bob\"]}}");
		server.send("{\"type\":\"reply\",\"command\":\"whoami\",\"text\":\"...\",\"data\":{\"user\":\"alice\","
				+ "\"channels\":[\"dev\",\"general\"],\"current\":\"dev\"}}");
		await().until(() -> "dev".equals(this.session.currentChannel()));
		assertThat(this.session.awaitInput()).isEqualTo(Input.CHAT);
	}

	private static String message(long id, String channel, String text) {
		return message(id, "2026-11-24T00:00:00Z", channel, text);
	}

	private static String message(long id, String ts, String channel, String text) {
		return "{\"type\":\"message\",\"id\":" + id + ",\"ts\":\"" + ts + "\",\"channel\":\"" + channel
				+ "\",\"from\":\"bob\",\"color\":\"#3f7fe0\",\"text\":\"" + text + "\"}";
	}

	private static String history(String... messages) {
		return "{\"type\":\"reply\",\"command\":\"history\",\"text\":\"...\",\"data\":{\"messages\":["
				+ String.join(",", messages) + "]}}";
	}

	/** The server's end of one connection. */
	private static final class Peer implements AutoCloseable {

		private final Socket socket;

		private final BufferedReader in;

		private final OutputStream out;

		Peer(Socket socket) throws IOException {
			this.socket = socket;
			this.socket.setSoTimeout(10_000);
			this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			this.out = socket.getOutputStream();
		}

		void send(String line) throws IOException {
			this.out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.out.flush();
		}

		void expect(String line) throws IOException {
			assertThat(this.in.readLine()).isEqualTo(line);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
