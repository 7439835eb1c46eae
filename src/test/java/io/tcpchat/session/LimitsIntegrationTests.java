package io.tcpchat.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import io.tcpchat.auth.AccountService;
import io.tcpchat.presence.PresenceService;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestPropertySource(properties = { "chat.limits.connections-per-ip=6", "chat.limits.messages-per-second=1",
		"chat.limits.burst=3", "chat.limits.send-queue-bytes=64KB", "chat.limits.max-channels-per-user=2",
		"chat.limits.max-members-per-channel=2", "chat.limits.max-message-length=2000",
		"chat.limits.login-failures-before-delay=3", "chat.limits.login-failures-per-account=10",
		// a first wait longer than any test, so that a busy machine cannot let a guess through
		"chat.limits.login-first-delay=10m", "chat.limits.login-max-delay=1h",
		"chat.limits.registrations-per-address=3", "chat.limits.channel-creations=3" })
class LimitsIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private PresenceService presence;

	@Autowired
	private AccountService accounts;

	/** Created by an admin rather than registered: every test here connects from 127.0.0.1, which may register 3. */
	@Override
	protected ChatClient newUser(String name) {
		this.accounts.create(name, PASSWORD, Set.of());
		return connect().login(name, PASSWORD);
	}

	@Autowired
	private SessionRegistry sessions;

	@Test
	void connectionsOverThePerAddressLimitAreRefused() {
		// earlier tests' connections may still be closing on a busy machine
		await().atMost(Duration.ofSeconds(30)).until(() -> this.sessions.size() == 0);
		List<ChatClient> allowed = IntStream.range(0, 6).mapToObj(i -> connect()).toList();
		allowed.forEach(c -> c.expectLine(line -> line.startsWith("? Username")));

		ChatClient refused = connect();

		assertThat(refused.expectLine(line -> line.startsWith("!"))).contains("rate-limited");
		assertThat(refused.expectLine(line -> line.startsWith("* bye"))).contains("too-many-connections");
		refused.expectClosed();
		allowed.get(0).json().send("//help");
		assertThat(allowed.get(0).expectReply("help").path("data").path("commands").size()).isGreaterThan(5);
	}

	/** The per-address count follows the sockets: a client that hangs up frees its place at once. */
	@Test
	void aClosedConnectionLeavesThePerAddressCountAtOnce() {
		String address = "127.0.0.7";
		List<ChatClient> clients = IntStream.range(0, 6).mapToObj(i -> connectFrom(address)).toList();
		clients.forEach(c -> c.expectLine(line -> line.startsWith("? Username")));

		clients.get(0).close();

		// well under the 1-3 s the count used to lag behind (it waited for Spring Integration's harvest)
		await().atMost(Duration.ofMillis(500)).until(() -> this.sessions.countFrom(address) == 5);
		ChatClient next = connectFrom(address);
		assertThat(next.expectLine(line -> line.startsWith("? Username") || line.startsWith("!")))
			.startsWith("? Username");
	}

	@Test
	void floodingIsRefusedWithRateLimitedAndNotDelivered() {
		String sender = uniqueName("flood");
		String observerName = uniqueName("observer");
		ChatClient flooder = newUser(sender);
		ChatClient observer = newUser(observerName);

		for (int i = 1; i <= 4; i++) {
			flooder.send("wave " + i);
		}

		JsonNode refused = flooder.expectError("rate-limited");
		assertThat(refused.path("text").asString()).contains("not sent");
		for (int i = 1; i <= 3; i++) {
			String text = "wave " + i;
			observer.expect("message", m -> m.path("text").asString().equals(text));
		}
		flooder.send("//msg " + observerName + " after");
		flooder.expectError("rate-limited");
		observer.send("//history 10");
		JsonNode history = observer.expectReply("history");
		assertThat(history.path("data").path("messages").toString()).doesNotContain("wave 4");
	}

	@Test
	void aClientThatDoesNotReadIsDroppedWhileOthersGetEverything() throws IOException {
		String slowName = uniqueName("slow");
		Socket slowSocket = new Socket();
		slowSocket.setReceiveBufferSize(4096);
		slowSocket.connect(new InetSocketAddress("127.0.0.1", port()));
		ChatClient slow = new ChatClient(slowSocket);
		this.accounts.create(slowName, PASSWORD, Set.of());
		slow.login(slowName, PASSWORD);
		slow.pauseReading();
		ChatClient reader = newUser(uniqueName("reader"));
		ChatClient admin = admin();

		String payload = "x".repeat(1900);
		int chunk = 20;
		int count = 1500;
		// paced by what the reader got, so that the reader's own queue (20 lines of 2 KB) stays well under the
		// 64 KB limit however slowly a loaded machine runs it; pacing by the admin's echo let it pile up
		for (int i = 0; i < count; i++) {
			admin.send("//broadcast " + i + " " + payload);
			if (i % chunk == chunk - 1) {
				for (int j = i - chunk + 1; j <= i; j++) {
					String prefix = j + " ";
					reader.expect("broadcast", b -> b.path("text").asString().startsWith(prefix));
				}
			}
		}
		// the kernel's socket buffers may take megabytes for the slow client: go on (paced the same way) until its
		// queue passes the limit, rather than trusting a fixed amount to be enough
		for (int i = count; this.presence.isOnline(slowName) && i < count * 4; i++) {
			admin.send("//broadcast " + i + " " + payload);
			if (i % chunk == chunk - 1) {
				for (int j = i - chunk + 1; j <= i; j++) {
					String prefix = j + " ";
					reader.expect("broadcast", b -> b.path("text").asString().startsWith(prefix));
				}
			}
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.presence.isOnline(slowName));
		assertThat(this.presence.isOnline(reader.command("//whoami").path("data").path("user").asString())).isTrue();
		slow.close();
	}

	@Test
	void passwordGuessingIsThrottledOverTcpAndHttpAlike() {
		String name = uniqueName("target");
		newUser(name).close();
		ChatClient guesser = connect().json();
		for (int i = 0; i < 3; i++) {
			guesser.send("//login " + name + " wrong-guess-" + i);
			guesser.expectError("bad-credentials");
		}

		guesser.send("//login " + name + " " + PASSWORD);

		assertThat(guesser.expectError("rate-limited").path("text").asString()).contains("try again");
		assertThat(http(name, PASSWORD).get("/api/users/online").status()).isEqualTo(429);
	}

	@Test
	void anAttackerWithoutThePasswordCannotLockOutTheAdmin() {
		admin().close();
		ChatClient attacker = connectFrom("127.0.0.2").json();
		for (int i = 0; i < 3; i++) {
			attacker.send("//login admin wrong-" + i);
			attacker.expectError("bad-credentials");
		}
		for (int i = 0; i < 5; i++) {
			attacker.send("//login admin wrong-" + i);
			attacker.expectError("rate-limited");
			assertThat(httpFrom("127.0.0.2", "admin", "wrong-" + i).get("/api/users/online").status()).isEqualTo(429);
		}

		connect().login("admin", ADMIN_PASSWORD);
		assertThat(adminHttp().get("/api/users/online").status()).isEqualTo(200);

		// guesses from many addresses pass the per-account limit: new addresses wait, the admin's own does not
		for (int a = 11; a <= 12; a++) {
			ChatClient guesser = connectFrom("127.0.0." + a).json();
			for (int i = 0; i < 2; i++) {
				guesser.send("//login admin wrong-" + i);
				guesser.expectError("bad-credentials");
			}
			assertThat(httpFrom("127.0.0." + a, "admin", "wrong-3").get("/api/users/online").status()).isEqualTo(401);
		}
		assertThat(httpFrom("127.0.0.13", "admin", "wrong").get("/api/users/online").status()).isEqualTo(401);
		ChatClient newcomer = connectFrom("127.0.0.15").json();
		newcomer.send("//login admin " + ADMIN_PASSWORD);
		newcomer.expectError("rate-limited");
		assertThat(httpFrom("127.0.0.15", "admin", ADMIN_PASSWORD).get("/api/users/online").status()).isEqualTo(429);
		connect().login("admin", ADMIN_PASSWORD);
		assertThat(adminHttp().get("/api/users/online").status()).isEqualTo(200);
	}

	@Test
	void registrationsPerAddressAreLimited() {
		for (int i = 0; i < 3; i++) {
			connectFrom("127.0.0.21").register(uniqueName("reg"), PASSWORD).close();
		}

		String refusedName = uniqueName("reg");
		ChatClient byCommand = connectFrom("127.0.0.21").json();
		JsonNode refused = byCommand.commandError("//register " + refusedName + " " + PASSWORD);
		assertThat(refused.path("code").asString()).isEqualTo("rate-limited");
		assertThat(refused.path("text").asString()).contains("new accounts");
		ChatClient byPrompt = connectFrom("127.0.0.21").json();
		byPrompt.expect("prompt", p -> p.path("field").asString().equals("username"));
		byPrompt.send(refusedName).send("yes").send(PASSWORD).send(PASSWORD);
		assertThat(byPrompt.expectError("rate-limited").path("command").asString()).isEqualTo("register");
		assertThat(this.accounts.findUser(refusedName)).isEmpty();

		// refused registrations use up nothing; other addresses have their own allowance
		String taken = uniqueName("reg");
		connectFrom("127.0.0.22").register(taken, PASSWORD).close();
		for (int i = 0; i < 3; i++) {
			connectFrom("127.0.0.22").json().commandError("//register " + taken + " " + PASSWORD);
		}
		connectFrom("127.0.0.22").register(uniqueName("reg"), PASSWORD).close();
		connectFrom("127.0.0.22").register(uniqueName("reg"), PASSWORD).close();
	}

	@Test
	void channelLimitsHold() {
		ChatClient user = newUser(uniqueName("joiner"));
		user.command("//join limit-a-" + uniqueName("c"));
		user.command("//join limit-b-" + uniqueName("c"));

		String refused = "limit-c-" + uniqueName("c");
		JsonNode tooMany = user.commandError("//join " + refused);

		assertThat(tooMany.path("code").asString()).isEqualTo("forbidden");
		assertThat(user.command("//channels").path("data").path("channels").valueStream()
			.map(c -> c.path("name").asString())).as("a refused join creates nothing").doesNotContain(refused);
		assertThat(newUser(uniqueName("other")).commandError("//history #" + refused).path("code").asString())
			.isEqualTo("not-found");
		String shared = "full-" + uniqueName("c");
		ChatClient second = newUser(uniqueName("second"));
		second.command("//join " + shared);
		newUser(uniqueName("third")).command("//join " + shared);
		JsonNode full = newUser(uniqueName("fourth")).commandError("//join " + shared);
		assertThat(full.path("text").asString()).contains("full");
	}

	@Test
	void channelCreationHasItsOwnRatePerUser() {
		ChatClient user = newUser(uniqueName("creator"));
		for (int i = 0; i < 3; i++) {
			String channel = "made-" + i + "-" + uniqueName("c");
			user.command(((i % 2 == 0) ? "//join " : "//create-channel ") + channel);
			user.command("//leave #" + channel);
		}

		String fourth = "made-3-" + uniqueName("c");
		JsonNode refused = user.commandError("//create-channel " + fourth);
		assertThat(refused.path("code").asString()).isEqualTo("rate-limited");
		assertThat(refused.path("text").asString()).contains("at most 3 channels per 1 h");
		assertThat(user.commandError("//join " + fourth).path("code").asString()).isEqualTo("rate-limited");

		ChatClient other = newUser(uniqueName("other"));
		assertThat(other.commandError("//history #" + fourth).path("code").asString()).isEqualTo("not-found");
		other.command("//join " + fourth);
		user.command("//join " + fourth);
	}

	@Test
	void wrongCurrentPasswordsInPasswdAreThrottledLikeLogins() throws IOException {
		Socket socket = new Socket();
		socket.bind(new InetSocketAddress("127.0.0.3", 0));
		socket.connect(new InetSocketAddress("127.0.0.1", port()));
		ChatClient user = new ChatClient(socket).register(uniqueName("guesser"), PASSWORD);
		try {
			String code = null;
			for (int i = 0; i < 8 && !"rate-limited".equals(code); i++) {
				user.send("//passwd").send("wrong-current-" + i).send("new-password-9").send("new-password-9");
				code = user.expect("error").path("code").asString();
				assertThat(code).isIn("bad-credentials", "rate-limited");
			}

			assertThat(code).isEqualTo("rate-limited");
			user.send("//passwd").send(PASSWORD).send("new-password-9").send("new-password-9");
			assertThat(user.expect("error").path("code").asString()).isEqualTo("rate-limited");
		}
		finally {
			user.close();
		}
	}

	@Test
	void overlongMessagesAreRefusedButTheConnectionLives() {
		String name = uniqueName("long");
		ChatClient user = newUser(name);

		user.send("y".repeat(2001));

		assertThat(user.expectError("invalid-argument").path("text").asString()).contains("2000");
		assertThat(user.command("//whoami").path("data").path("user").asString()).isEqualTo(name);
	}


}
