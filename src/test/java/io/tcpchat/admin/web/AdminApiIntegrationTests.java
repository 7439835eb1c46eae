package io.tcpchat.admin.web;

import java.time.Duration;
import java.time.Instant;

import io.tcpchat.support.AdminHttp.Response;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API over real HTTP against the real server, with real TCP clients watching the effects.
 */
class AdminApiIntegrationTests extends ChatIntegrationTest {

	@Test
	void restBanDropsTheTcpSessionAtOnceAndRefusesLogin() {
		String eve = uniqueName("eve");
		ChatClient client = newUser(eve);

		Response ban = adminHttp().post("/api/bans", "{\"username\":\"" + eve + "\",\"reason\":\"spam\"}");

		assertThat(ban.status()).isEqualTo(201);
		assertThat(ban.json().path("username").asString()).isEqualTo(eve);
		assertThat(ban.json().path("bannedBy").asString()).isEqualTo("admin");
		JsonNode error = client.expectError("banned");
		assertThat(error.path("text").asString()).contains("spam");
		assertThat(client.expect("bye").path("reason").asString()).isEqualTo("banned");
		client.expectClosed();
		ChatClient again = connect().json();
		again.send("//login " + eve + " " + PASSWORD);
		assertThat(again.expectError("banned").path("text").asString()).contains("spam");
	}

	@Test
	void banWithDurationCanBeLiftedEarlyAndExpiresOnItsOwn() {
		String mallory = uniqueName("mallory");
		newUser(mallory);
		Instant before = Instant.now();

		Response ban = adminHttp().post("/api/bans",
				"{\"username\":\"" + mallory + "\",\"durationSeconds\":3600}");

		Instant expiresAt = Instant.parse(ban.json().path("expiresAt").asString());
		assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
		assertThat(adminHttp().get("/api/bans").json().findValuesAsString("username")).contains(mallory);
		assertThat(adminHttp().delete("/api/bans/" + mallory).status()).isEqualTo(204);
		assertThat(adminHttp().get("/api/bans").json().findValuesAsString("username")).doesNotContain(mallory);
		connect().login(mallory, PASSWORD);

		assertThat(adminHttp().post("/api/bans", "{\"username\":\"" + mallory + "\",\"durationSeconds\":1}").status())
			.isEqualTo(201);
		connect().json().send("//login " + mallory + " " + PASSWORD).expectError("banned");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !adminHttp().get("/api/bans").json().findValuesAsString("username").contains(mallory));
		connect().login(mallory, PASSWORD);
	}

	@Test
	void restBroadcastReachesTcpClients() {
		ChatClient listener = newUser(uniqueName("listener"));

		Response response = adminHttp().post("/api/broadcast", "{\"message\":\"maintenance at noon\"}");

		assertThat(response.status()).isEqualTo(202);
		JsonNode broadcast = listener.expect("broadcast");
		assertThat(broadcast.path("from").asString()).isEqualTo("admin");
		assertThat(broadcast.path("text").asString()).isEqualTo("maintenance at noon");
		assertThat(broadcast.path("id").asLong()).isEqualTo(response.json().path("id").asLong());
	}

	@Test
	void restCreatedUserLogsInOverTcpAndAnAdminResetsTheirPassword() {
		String carol = uniqueName("carol");

		Response created = adminHttp().post("/api/users",
				"{\"username\":\"" + carol + "\",\"password\":\"carol-pass-1\",\"roles\":[\"ADMIN\"]}");

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/users/" + carol);
		assertThat(created.json().path("roles").toString()).contains("ADMIN", "USER");
		ChatClient client = connect().login(carol, "carol-pass-1");
		assertThat(client.command("//whoami").path("data").path("roles").toString()).contains("ADMIN");

		assertThat(adminHttp().put("/api/users/" + carol + "/password", "{\"password\":\"carol-pass-2\"}").status())
			.isEqualTo(204);
		connect().login(carol, "carol-pass-2");
		assertThat(http(carol, "carol-pass-2").get("/api/commands").status()).isEqualTo(200);
	}

	@Test
	void deletingAUserEndsTheirSessionsAndForgetsThem() {
		String dave = uniqueName("dave");
		String room = "room-" + dave.toLowerCase();
		ChatClient client = newUser(dave);
		client.command("//join " + room);

		assertThat(adminHttp().delete("/api/users/" + dave).status()).isEqualTo(204);

		assertThat(client.expect("bye").path("reason").asString()).isEqualTo("account deleted");
		client.expectClosed();
		assertThat(adminHttp().delete("/api/users/" + dave).status()).isEqualTo(404);
		assertThat(adminHttp().get("/api/channels").json().valueStream().map(c -> c.path("name").asString()))
			.as("its only member and owner is gone: the channel too").doesNotContain(room);
		ChatClient again = connect().json();
		again.send("//login " + dave + " " + PASSWORD);
		again.expectError("bad-credentials");
	}

	@Test
	void listsOnlineUsersWithTheirChannels() {
		String frank = uniqueName("frank");
		newUser(frank);
		connectFrom("127.0.0.5").login(frank, PASSWORD);

		JsonNode online = adminHttp().get("/api/users/online").json();

		JsonNode entry = null;
		for (JsonNode user : online) {
			if (user.path("username").asString().equals(frank)) {
				entry = user;
			}
		}
		assertThat(entry).as("online entry of %s in %s", frank, online).isNotNull();
		assertThat(entry.path("channels").toString()).contains("general");
		assertThat(entry.path("node").asString()).isNotBlank();
		assertThat(entry.path("connectedAt").asString()).endsWith("Z");
		assertThat(entry.path("address").asString()).isEqualTo("127.0.0.1");
		assertThat(entry.path("sessions").asInt()).isEqualTo(2);
		assertThat(entry.path("connections").valueStream().map(c -> c.path("address").asString()))
			.containsExactly("127.0.0.1", "127.0.0.5");
		assertThat(entry.path("connections").get(1).path("node").asString()).isEqualTo(entry.path("node").asString());
		// sessions of earlier tests may still be closing: compare once both answers agree on a moment
		await().untilAsserted(() -> assertThat(adminHttp().get("/api/users/online/count").json().path("count").asInt())
			.isEqualTo(adminHttp().get("/api/users/online").json().size()));
	}

	@Test
	void theDefaultChannelCannotBeDeletedButOthersCan() {
		Response general = adminHttp().delete("/api/channels/general");

		assertThat(general.status()).isEqualTo(409);
		assertThat(general.contentType()).startsWith("application/problem+json");
		assertThat(general.json().path("detail").asString()).contains("#general");

		String name = "tmp-" + uniqueName("room").toLowerCase();
		ChatClient member = newUser(uniqueName("gina"));
		member.command("//join " + name);
		assertThat(adminHttp().delete("/api/channels/" + name).status()).isEqualTo(204);
		JsonNode part = member.expect("part", p -> p.path("channel").asString().equals(name));
		assertThat(part.path("reason").asString()).isEqualTo("channel deleted");
		assertThat(member.command("//whoami").path("data").path("channels").toString()).doesNotContain(name);
		assertThat(adminHttp().delete("/api/channels/" + name).status()).isEqualTo(404);
	}

	@Test
	void adminActionsFromTcpAndRestAreAuditedNewestFirstWithTheClientsAddress() {
		String target = uniqueName("hank");
		newUser(target);
		connectFrom("127.0.0.3").login("admin", ADMIN_PASSWORD).command("//kick " + target + " calm down");
		adminHttp().post("/api/bans", "{\"username\":\"" + target + "\",\"reason\":\"again\"}");
		assertThat(httpFrom("127.0.0.4", "admin", ADMIN_PASSWORD).delete("/api/bans/" + target).status())
			.isEqualTo(204);

		JsonNode entries = adminHttp().get("/api/audit?limit=50").json();

		JsonNode newest = entries.get(0);
		assertThat(newest.path("action").asString()).isEqualTo("unban");
		assertThat(newest.path("address").asString()).isEqualTo("127.0.0.4");
		JsonNode ban = entries.get(1);
		assertThat(ban.path("action").asString()).isEqualTo("ban");
		assertThat(ban.path("actor").asString()).isEqualTo("admin");
		assertThat(ban.path("target").asString()).isEqualTo(target);
		assertThat(ban.path("at").asString()).endsWith("Z");
		assertThat(ban.path("address").asString()).isEqualTo("127.0.0.1");
		boolean kickAudited = false;
		for (JsonNode entry : entries) {
			kickAudited |= entry.path("action").asString().equals("kick")
					&& entry.path("target").asString().equals(target)
					&& entry.path("detail").asString().contains("calm down")
					&& entry.path("address").asString().equals("127.0.0.3");
		}
		assertThat(kickAudited).as("kick of %s from 127.0.0.3 in %s", target, entries).isTrue();
		assertThat(adminHttp().get("/api/audit?limit=1").json().size()).isEqualTo(1);
	}

	@Test
	void theAuditTrailPagesBackwardsWithMillisecondTimesAndRefusesBadLimits() {
		for (int i = 0; i < 3; i++) {
			adminHttp().post("/api/broadcast", "{\"message\":\"page " + i + "\"}");
		}

		JsonNode first = adminHttp().get("/api/audit?limit=2").json();
		long lastId = first.get(1).path("id").asLong();
		JsonNode next = adminHttp().get("/api/audit?limit=2&before=" + lastId).json();

		assertThat(first.get(0).path("detail").asString()).isEqualTo("page 2");
		assertThat(first.get(1).path("detail").asString()).isEqualTo("page 1");
		assertThat(next.get(0).path("detail").asString()).isEqualTo("page 0");
		assertThat(next.get(0).path("id").asLong()).isLessThan(lastId);
		assertThat(first.get(0).path("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
		for (String bad : new String[] { "limit=0", "limit=501", "limit=-3", "limit=ten", "before=0" }) {
			Response refused = adminHttp().get("/api/audit?" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.contentType()).as(bad).startsWith("application/problem+json");
			assertThat(refused.json().path("code").asString()).as(bad).isEqualTo("invalid-argument");
		}
	}

	@Test
	void prometheusCarriesTheChatMeters() {
		ChatClient client = newUser(uniqueName("ivy"));
		client.send("metrics please");
		client.expect("message");
		connect().json().send("//login nobody wrong-password").expectError("bad-credentials");

		String scrape = adminHttp().get("/actuator/prometheus").body();

		assertThat(scrape).contains("chat_connections_open", "chat_users_online", "chat_messages_received_total",
				"chat_deliveries_sent_total", "chat_deliveries_dropped_total", "chat_logins_succeeded_total",
				"chat_logins_failed_total{reason=\"bad-credentials\"}", "chat_command_seconds_count{command=\"say\"");
		assertThat(gauge(scrape, "chat_users_online")).isPositive();
		assertThat(gauge(scrape, "chat_connections_open")).isPositive();
	}

	@Test
	void healthShowsEachChatListenerAndTheDatabaseToAdmins() {
		JsonNode health = adminHttp().get("/actuator/health").json();

		assertThat(health.path("status").asString()).isEqualTo("UP");
		JsonNode plain = health.path("components").path("chatListeners").path("components").path("plain");
		assertThat(plain.path("status").asString()).isEqualTo("UP");
		assertThat(plain.path("details").path("port").asInt()).isEqualTo(port());
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").has("redis")).as("a single node needs no Redis").isFalse();

		JsonNode anonymous = http(null, null).get("/actuator/health").json();
		assertThat(anonymous.path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).isFalse();
	}

	@Test
	void infoShowsVersionNodeAndUptime() {
		JsonNode chat = adminHttp().get("/actuator/info").json().path("chat");

		assertThat(chat.path("version").asString()).isNotBlank();
		assertThat(chat.path("node").asString()).isNotBlank();
		assertThat(Duration.parse(chat.path("uptime").asString())).isPositive();
	}

	private JsonNode findChannel(String name) {
		await().until(() -> adminHttp().get("/api/channels").json().findValuesAsString("name").contains(name));
		for (JsonNode channel : adminHttp().get("/api/channels").json()) {
			if (channel.path("name").asString().equals(name)) {
				return channel;
			}
		}
		throw new AssertionError("no channel " + name);
	}

	/** The gauge's value, summed over its series (one per listener for the connections, for one). */
	private static double gauge(String scrape, String name) {
		return scrape.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
