package io.tcpchat.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.tcpchat.presence.PresenceService;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.TcpProxy;
import io.tcpchat.support.TestDatabase;
import io.tcpchat.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one MariaDB database and one Redis behave as one chat: users on different nodes talk, see each
 * other, and are kicked and banned wherever they are. Node B reaches Redis through a {@link TcpProxy}, so a test
 * can take Redis away from it alone. Always on MariaDB (a cluster shares a database server; H2 files cannot be
 * shared); skipped without MariaDB or Redis on a laptop, failing in CI.
 */
class ClusterTests {

	private static final AtomicInteger NAMES = new AtomicInteger();

	private static String database;

	private static TcpProxy redisForB;

	private static ClusterNode a;

	private static ClusterNode b;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		TestDatabase.assumeMariaDbAvailable();
		TestRedis.assumeAvailable();
		database = TestDatabase.createMariaDbDatabase();
		var cluster = ClusterNode.cluster(database, TestRedis.uniquePrefix("cluster"));
		a = ClusterNode.start("node-a", cluster);
		redisForB = new TcpProxy(TestRedis.HOST, TestRedis.PORT);
		var viaProxy = new java.util.LinkedHashMap<>(cluster);
		viaProxy.put("spring.data.redis.port", redisForB.port());
		b = ClusterNode.start("node-b", viaProxy);
	}

	@AfterEach
	void closeClients() {
		if (a != null) {
			a.closeClients();
			b.closeClients();
		}
	}

	@AfterAll
	static void stopNodes() throws Exception {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (redisForB != null) {
			redisForB.close();
		}
		TestDatabase.dropMariaDbDatabase(database);
	}

	@Test
	void usersOnDifferentNodesTalk() {
		String aliceName = name("alice");
		String bobName = name("bob");
		ChatClient alice = a.register(aliceName);
		ChatClient bob = b.register(bobName);
		awaitOnline(a, bobName);
		awaitOnline(b, aliceName);

		alice.send("hello from node a");
		assertThat(bob.expect("message", m -> m.path("text").asString().equals("hello from node a"))
			.path("from").asString()).isEqualTo(aliceName);

		bob.command("//msg " + aliceName + " a word in private");
		assertThat(alice.expect("dm").path("text").asString()).isEqualTo("a word in private");

		bob.command("//join #" + aliceName + "room");
		// at once: node a may not have heard of the channel yet, and the join must count all the same
		alice.command("//join #" + aliceName + "room");
		assertThat(bob.expect("join", j -> j.path("user").asString().equals(aliceName)).path("channel").asString())
			.isEqualTo(aliceName + "room");
		alice.send("in the room");
		bob.expect("message", m -> m.path("channel").asString().equals(aliceName + "room")
				&& m.path("text").asString().equals("in the room"));
		alice.command("//leave #" + aliceName + "room");
		bob.expect("part", p -> p.path("user").asString().equals(aliceName));

		a.admin().command("//broadcast maintenance at noon");
		assertThat(bob.expect("broadcast").path("text").asString()).isEqualTo("maintenance at noon");
	}

	@Test
	void channelsInvitationsColoursEditsAndMutesReachTheOtherNode() {
		String ownerName = name("owner");
		String guestName = name("guest");
		String room = ownerName + "den";
		ChatClient owner = a.register(ownerName);
		ChatClient guest = b.register(guestName);
		awaitOnline(a, guestName);

		owner.command("//create-channel #" + room + " private");
		owner.command("//invite " + guestName);
		guest.command("//join #" + room);
		owner.expect("join", j -> j.path("user").asString().equals(guestName));

		ChatClient ownerOnB = b.login(ownerName);
		owner.command("//color teal");
		await().until(() -> ownerOnB.command("//whoami").path("data").path("color").asString(""),
				color -> !color.isEmpty() && color.equals(owner.command("//whoami").path("data").path("color").asString()));

		owner.send("helo");
		long id = guest.expect("message", m -> m.path("text").asString().equals("helo")).path("id").asLong();
		owner.command("//edit " + id + " hello");
		assertThat(guest.expect("edit").path("text").asString()).isEqualTo("hello");

		a.admin().command("//mute " + guestName + " 10m");
		// node a publishes in order: once this message is on node b, so is the mute
		owner.send("after the mute");
		guest.expect("message", m -> m.path("text").asString().equals("after the mute"));
		assertThat(guest.commandError("//say anyone?").path("code").asString()).isEqualTo("forbidden");

		ChatClient admin = a.admin();
		admin.send("//delete-channel #" + room);
		admin.expect("prompt");
		admin.send("yes");
		admin.expectReply("delete-channel");
		assertThat(guest.expect("part", p -> p.path("channel").asString().equals(room)).path("reason").asString())
			.isEqualTo("channel deleted");
	}

	@Test
	void everyRecipientSeesOneSendersMessagesInTheOrderSent() {
		String senderName = name("sender");
		ChatClient sender = a.register(senderName);
		ChatClient far = b.register(name("far"));
		ChatClient near = a.register(name("near"));
		awaitOnline(b, senderName);

		// within the flood control's burst (chat.limits.burst, 20)
		for (int i = 0; i < 15; i++) {
			sender.send("line " + i);
		}
		for (ChatClient recipient : new ChatClient[] { far, near }) {
			for (int i = 0; i < 15; i++) {
				String expected = "line " + i;
				JsonNode message = recipient.expect("message", m -> m.path("from").asString().equals(senderName));
				assertThat(message.path("text").asString()).isEqualTo(expected);
			}
		}
	}

	@Test
	void presenceIsClusterWideWithEachSessionsNode() {
		String carolName = name("carol");
		String daveName = name("dave");
		a.register(carolName);
		b.register(daveName);
		awaitOnline(a, daveName);
		awaitOnline(b, carolName);

		JsonNode users = a.admin().command("//users").path("data").path("users");
		assertThat(users.valueStream().map(JsonNode::asString)).contains(carolName, daveName);
		// users of earlier tests may still be leaving: the counts agree once their news has travelled
		await().until(() -> b.bean(PresenceService.class).userCount() == a.bean(PresenceService.class).userCount());
		String online = a.http().get("/api/users/online").body();
		assertThat(online).contains("\"username\":\"" + daveName + "\"");
		JsonNode sessions = ChatClient.parse(online);
		assertThat(sessions.valueStream()
			.filter(s -> s.path("username").asString().equals(daveName))
			.map(s -> s.path("node").asString())).containsExactly("node-b");

		ChatClient dave = b.login(daveName);
		dave.command("//away lunch");
		await().until(() -> a.admin().command("//users").path("data").path("away").path(daveName).asString(""),
				"lunch"::equals);
	}

	@Test
	void kickBanAndDeletionCloseSessionsOnTheOtherNode() {
		String eveName = name("eve");
		String malName = name("mal");
		String zedName = name("zed");
		ChatClient eve = b.register(eveName);
		ChatClient mal = b.register(malName);
		ChatClient zed = b.register(zedName);
		awaitOnline(a, eveName);
		awaitOnline(a, malName);
		awaitOnline(a, zedName);
		ChatClient admin = a.admin();

		admin.command("//kick " + eveName + " calm down");
		eve.expect("bye");
		eve.expectClosed();

		admin.command("//ban " + malName + " spam");
		mal.expectError("banned");
		mal.expect("bye");
		ChatClient again = b.connect().json();
		again.send("//login " + malName + " " + ClusterNode.PASSWORD);
		again.expectError("banned");

		assertThat(a.http().delete("/api/users/" + zedName).status()).isEqualTo(204);
		zed.expect("bye");
		await().until(() -> !a.bean(PresenceService.class).isOnline(zedName)
				&& !b.bean(PresenceService.class).isOnline(zedName));
	}

	@Test
	void aNodeThatStopsHeartbeatingLeavesPresenceWithin15Seconds() {
		var cluster = ClusterNode.cluster(database, a.bean(RedisLink.class).keys().prefix());
		try (ClusterNode c = ClusterNode.start("node-c", cluster)) {
			String ghostName = name("ghost");
			c.register(ghostName);
			awaitOnline(a, ghostName);

			// as if killed: no more heartbeats, no goodbye
			c.bean(ClusterPresence.class).stopHeartbeat();

			await().atMost(Duration.ofSeconds(15)).until(() -> !a.bean(PresenceService.class).isOnline(ghostName)
					&& !b.bean(PresenceService.class).isOnline(ghostName));
		}
	}

	@Test
	void withoutRedisANodeServesItsOwnUsersAndRejoinsWhenRedisReturns() {
		String farName = name("far");
		String hereName = name("here");
		String thereName = name("there");
		ChatClient far = a.register(farName);
		b.register(hereName);
		awaitOnline(b, farName);

		redisForB.cut();
		ChatClient here;
		try {
			await().until(() -> !b.bean(RedisLink.class).isUp());
			// b's own users: logins, local delivery, history
			here = b.login(hereName);
			ChatClient there = b.register(thereName);
			here.send("still here");
			there.expect("message", m -> m.path("text").asString().equals("still here"));
			assertThat(there.command("//history").path("data").path("messages").toString()).contains("still here");
			JsonNode health = ChatClient.parse(b.http().get("/actuator/health").body());
			assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("DOWN");
			assertThat(b.http().get("/actuator/health/readiness").status()).isEqualTo(200);
		}
		finally {
			redisForB.restore();
		}

		// presence rebuilt: the others learn who logged in to b meanwhile
		await().atMost(Duration.ofSeconds(5))
			.until(() -> a.bean(PresenceService.class).isOnline(hereName)
					&& a.bean(PresenceService.class).isOnline(thereName));
		AtomicInteger attempt = new AtomicInteger();
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			String text = "across again " + attempt.incrementAndGet();
			far.send(text);
			return here.sees(line -> line.contains(text), Duration.ofMillis(300));
		});
		assertThat(attempt).as("messages sent before b resubscribed").hasValueLessThan(15);
	}

	@Test
	void aNodeStartedWhileRedisIsDownServesItsOwnUsersAndJoinsWhenRedisComes() throws Exception {
		String farName = name("far");
		String hereName = name("here");
		String thereName = name("there");
		ChatClient far = a.register(farName);
		try (TcpProxy redisForLate = new TcpProxy(TestRedis.HOST, TestRedis.PORT)) {
			redisForLate.cut();
			var cluster = ClusterNode.cluster(database, a.bean(RedisLink.class).keys().prefix());
			cluster.put("spring.data.redis.port", redisForLate.port());
			try (ClusterNode late = ClusterNode.start("node-late", cluster)) {
				// its own users: registrations, logins, local delivery, history
				ChatClient here = late.register(hereName);
				ChatClient there = late.register(thereName);
				late.login(farName);
				here.send("only here");
				there.expect("message", m -> m.path("text").asString().equals("only here"));
				assertThat(there.command("//history").path("data").path("messages").toString()).contains("only here");
				JsonNode health = ChatClient.parse(late.http().get("/actuator/health").body());
				assertThat(health.path("components").path("redis").path("status").asString()).isEqualTo("DOWN");
				assertThat(late.http().get("/actuator/health/readiness").status()).isEqualTo(200);
				assertThat(a.bean(PresenceService.class).isOnline(hereName)).isFalse();

				redisForLate.restore();

				await().atMost(Duration.ofSeconds(5))
					.until(() -> a.bean(PresenceService.class).isOnline(hereName)
							&& a.bean(PresenceService.class).isOnline(thereName)
							&& late.bean(PresenceService.class).isOnline(farName));
				AtomicInteger attempt = new AtomicInteger();
				await().atMost(Duration.ofSeconds(5)).until(() -> {
					String text = "to the late node " + attempt.incrementAndGet();
					far.send(text);
					return here.sees(line -> line.contains(text), Duration.ofMillis(300));
				});
				here.send("from the late node");
				far.expect("message", m -> m.path("text").asString().equals("from the late node"));
			}
		}
	}

	private static void awaitOnline(ClusterNode node, String user) {
		await().until(() -> node.bean(PresenceService.class).isOnline(user));
	}

	private static String name(String base) {
		return base + NAMES.incrementAndGet();
	}

}
