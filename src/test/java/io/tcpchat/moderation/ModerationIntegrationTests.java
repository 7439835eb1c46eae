package io.tcpchat.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ModerationIntegrationTests extends ChatIntegrationTest {

	@Test
	void aBanEndsTheSessionsOfTheUserAtOnceAndRefusesLaterLogins() {
		String target = uniqueName("troll");
		ChatClient troll = newUser(target);
		ChatClient trollElsewhere = connect().login(target, PASSWORD);
		ChatClient admin = admin();

		JsonNode reply = admin.command("//ban " + target + " spamming the channel");

		assertThat(reply.path("data").path("username").asString()).isEqualTo(target);
		assertThat(reply.path("data").path("reason").asString()).isEqualTo("spamming the channel");
		for (ChatClient session : List.of(troll, trollElsewhere)) {
			assertThat(session.expectError("banned").path("text").asString()).contains("spamming the channel");
			assertThat(session.expect("bye").path("reason").asString()).isEqualTo("banned");
			session.expectClosed();
		}

		ChatClient again = connect().json();
		again.send("//login " + target + " " + PASSWORD);
		JsonNode refused = again.expectError("banned");
		assertThat(refused.path("text").asString()).contains("spamming the channel").contains("no expiry");
		again.expect("bye");
		again.expectClosed();
	}

	@Test
	void aBannedUserIsRefusedAtThePasswordPromptToo() {
		String target = uniqueName("troll");
		newUser(target).close();
		admin().command("//ban " + target);

		ChatClient client = connect().json();
		client.expect("prompt", p -> p.path("field").asString().equals("username"));
		client.send(target);
		client.expect("prompt", p -> p.path("field").asString().equals("password"));
		client.send(PASSWORD);

		assertThat(client.expectError("banned").path("text").asString()).contains("no reason given");
		client.expect("bye");
		client.expectClosed();
	}

	@Test
	void bannedUsersListsTheBansInForceAndUnbanLiftsThem() {
		String target = uniqueName("troll");
		newUser(target).close();
		ChatClient admin = admin();
		admin.command("//ban " + target.toUpperCase() + " rude");

		JsonNode ban = banOf(admin, target);
		assertThat(ban.path("reason").asString()).isEqualTo("rude");
		assertThat(ban.path("bannedBy").asString()).isEqualTo("admin");
		assertThat(ban.path("createdAt").asString()).endsWith("Z");
		assertThat(ban.has("expiresAt")).isTrue();
		assertThat(admin.commandError("//ban " + target).path("code").asString()).isEqualTo("already-exists");

		assertThat(admin.command("//unban " + target).path("data").path("username").asString()).isEqualTo(target);

		assertThat(bannedNames(admin)).doesNotContain(target);
		connect().login(target, PASSWORD);
		assertThat(admin.commandError("//unban " + target).path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void banRefusesUnknownUsersAndTheAdminThemself() {
		ChatClient admin = admin();

		assertThat(admin.commandError("//ban " + uniqueName("ghost")).path("code").asString()).isEqualTo("not-found");
		assertThat(admin.commandError("//ban admin").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(admin.commandError("//ban").path("text").asString())
			.contains("//ban <username> (duration) (reason)");
	}

	@Test
	void aTimedBanOverTcpExpiresAndMalformedDurationsAreRefused() {
		String target = uniqueName("timed");
		newUser(target).close();
		ChatClient admin = admin();
		for (String duration : new String[] { "1.5h", "-5m", "10", "0m", "99999999999d", "3651d" }) {
			JsonNode refused = admin.commandError("//ban " + target + " " + duration + " flooding");
			assertThat(refused.path("code").asString()).as(duration).isEqualTo("invalid-argument");
		}
		assertThat(bannedNames(admin)).doesNotContain(target);

		JsonNode reply = admin.command("//ban " + target + " 2h flooding   the channel");

		assertThat(reply.path("data").path("reason").asString()).isEqualTo("flooding   the channel");
		Instant expiresAt = Instant.parse(reply.path("data").path("expiresAt").asString());
		assertThat(expiresAt).isBetween(Instant.now().plus(Duration.ofMinutes(119)),
				Instant.now().plus(Duration.ofMinutes(121)));
		admin.command("//unban " + target);
		assertThat(admin.command("//ban " + target + " 2nd warning").path("data").path("reason").asString())
			.isEqualTo("2nd warning");
	}

	@Test
	void aNewBanReplacesAnExpiredOneAndUnbanOfAnExpiredBanIsNotFound() {
		String carol = uniqueName("carol");
		newUser(carol).close();
		ChatClient admin = admin();
		assertThat(adminHttp().post("/api/bans", "{\"username\":\"" + carol + "\",\"durationSeconds\":1}").status())
			.isEqualTo(201);
		assertThat(connect().json().commandError("//login " + carol + " " + PASSWORD).path("code").asString())
			.isEqualTo("banned");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(bannedNames(admin)).doesNotContain(carol));
		connect().login(carol, PASSWORD).close();
		assertThat(admin.commandError("//unban " + carol).path("code").asString()).isEqualTo("not-found");

		assertThat(adminHttp().post("/api/bans", "{\"username\":\"" + carol + "\",\"durationSeconds\":1}").status())
			.isEqualTo(201);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(bannedNames(admin)).doesNotContain(carol));
		assertThat(admin.command("//ban " + carol + " x").path("data").path("reason").asString()).isEqualTo("x");
		assertThat(banOf(admin, carol).path("expiresAt").isNull()).isTrue();
		assertThat(adminHttp().post("/api/bans", "{\"username\":\"" + carol + "\"}").status()).isEqualTo(409);
		assertThat(connect().json().commandError("//login " + carol + " " + PASSWORD).path("code").asString())
			.isEqualTo("banned");
	}

	@Test
	void concurrentBansOfOneUserGiveOneBanAndConflictsNeverAnOutage() throws Exception {
		String target = uniqueName("raced");
		newUser(target).close();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				statuses.add(pool.submit(() -> adminHttp()
					.post("/api/bans", "{\"username\":\"" + target + "\",\"reason\":\"race\"}")
					.status()));
			}
			List<Integer> answered = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				answered.add(status.get(30, TimeUnit.SECONDS));
			}
			assertThat(answered).containsOnly(201, 409);
			assertThat(answered).filteredOn(s -> s == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void kickDisconnectsTheUserWhoMayComeBack() {
		String target = uniqueName("noisy");
		ChatClient noisy = newUser(target);
		ChatClient admin = admin();

		JsonNode reply = admin.command("//kick " + target + " calm down");

		assertThat(reply.path("data").path("username").asString()).isEqualTo(target);
		assertThat(noisy.expect("bye").path("reason").asString()).contains("admin").contains("calm down");
		noisy.expectClosed();
		connect().login(target, PASSWORD);
	}

	@Test
	void adminsCannotKickThemselvesAndTheirSessionsStay() {
		ChatClient admin = admin();

		JsonNode refused = admin.commandError("//kick ADMIN testing");

		assertThat(refused.path("code").asString()).isEqualTo("invalid-argument");
		assertThat(refused.path("text").asString()).contains("yourself");
		assertThat(admin.command("//whoami").path("data").path("user").asString()).isEqualTo("admin");
	}

	@Test
	void kickingSomeoneOfflineIsRefused() {
		String target = uniqueName("away");
		newUser(target).send("//quit").expectClosed();
		ChatClient admin = admin();

		await().untilAsserted(
				() -> assertThat(admin.commandError("//kick " + target).path("code").asString()).isEqualTo("not-found"));
	}

	@Test
	void everyAdminCommandIsForbiddenToOrdinaryUsers() {
		ChatClient user = newUser(uniqueName("ursula"));
		List<String> adminCommands = adminHttp().get("/api/commands")
			.json()
			.valueStream()
			.filter(c -> c.path("adminOnly").asBoolean())
			.map(c -> c.path("name").asString())
			.toList();

		assertThat(adminCommands).contains("ban", "unban", "banned-users", "kick", "broadcast");
		for (String command : adminCommands) {
			assertThat(user.commandError("//" + command + " admin some reason").path("code").asString()).as(command)
				.isEqualTo("forbidden");
		}
	}

	@Test
	void aBroadcastReachesEveryoneOnline() {
		ChatClient inGeneral = newUser(uniqueName("gil"));
		ChatClient elsewhere = newUser(uniqueName("eli"));
		elsewhere.command("//create-channel " + uniqueName("quiet") + " private");
		ChatClient admin = admin();

		JsonNode reply = admin.command("//broadcast maintenance at noon");

		assertThat(admin.transcript()).anyMatch(line -> line.contains("\"broadcast\"") && line.contains("noon"));
		for (ChatClient client : List.of(inGeneral, elsewhere)) {
			JsonNode broadcast = client.expect("broadcast");
			assertThat(broadcast.path("from").asString()).isEqualTo("admin");
			assertThat(broadcast.path("text").asString()).isEqualTo("maintenance at noon");
			assertThat(broadcast.path("id").asLong()).isEqualTo(reply.path("data").path("id").asLong());
			assertThat(broadcast.path("ts").asString()).endsWith("Z");
		}
	}

	private static JsonNode banOf(ChatClient admin, String username) {
		return admin.command("//banned-users")
			.path("data")
			.path("bans")
			.valueStream()
			.filter(b -> b.path("username").asString().equals(username))
			.findFirst()
			.orElseThrow(() -> new AssertionError(username + " is not listed as banned"));
	}

	private static List<String> bannedNames(ChatClient admin) {
		return admin.command("//banned-users")
			.path("data")
			.path("bans")
			.valueStream()
			.map(b -> b.path("username").asString())
			.toList();
	}

}
