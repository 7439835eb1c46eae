package io.tcpchat.moderation;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 7: a muted user reads but cannot send, in any way, until unmuted; admins only; audited. */
class MuteIntegrationTests extends ChatIntegrationTest {

	@Test
	void aMutedUserCanReadButNotSendUntilUnmuted() {
		String mo = uniqueName("mo");
		String bob = uniqueName("bob");
		String room = uniqueName("room");
		ChatClient m = newUser(mo);
		ChatClient b = newUser(bob);
		m.command("//join " + room);
		b.command("//join " + room);
		ChatClient admin = admin();

		JsonNode muted = admin.command("//mute " + mo + " 10m");
		assertThat(muted.path("data").path("expiresAt").asString()).endsWith("Z");

		for (String attempt : List.of("//say hello", "//me waves", "//msg " + bob + " psst", "//msg #" + room + " hi")) {
			assertThat(m.commandError(attempt).path("code").asString()).as(attempt).isEqualTo("forbidden");
		}
		m.send("a plain line");
		assertThat(m.expect("error").path("text").asString()).contains("muted");
		b.send("still readable");
		m.expect("message", msg -> msg.path("text").asString().equals("still readable"));

		admin.command("//unmute " + mo);
		m.send("back");
		b.expect("message", msg -> msg.path("text").asString().equals("back"));
		assertThat(admin.commandError("//unmute " + mo).path("code").asString()).isEqualTo("not-found");
		List<String> audited = adminHttp().get("/api/audit?limit=20")
			.json()
			.valueStream()
			.filter(e -> e.path("target").asString().equals(mo))
			.map(e -> e.path("action").asString())
			.toList();
		assertThat(audited).contains("mute", "unmute");
	}

	@Test
	void onlyAdminsMuteAndNotThemselvesNorTheConfiguredAdmin() {
		String bob = uniqueName("bob");
		ChatClient b = newUser(bob);
		ChatClient admin = admin();

		assertThat(b.commandError("//mute admin").path("code").asString()).isEqualTo("forbidden");
		assertThat(admin.commandError("//mute admin").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(admin.commandError("//mute " + bob + " 1.5h").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(admin.commandError("//mute " + uniqueName("ghost")).path("code").asString()).isEqualTo("not-found");
		admin.command("//mute " + bob);
		assertThat(b.commandError("//say hi").path("text").asString()).contains("muted");
		admin.command("//unmute " + bob);
	}

}
