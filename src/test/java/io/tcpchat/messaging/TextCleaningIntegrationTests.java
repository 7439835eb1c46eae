package io.tcpchat.messaging;

import io.tcpchat.support.AdminHttp.Response;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One cleaning rule for user text, whichever way it comes in: what reaches others is one line without control
 * characters or bidi overrides, and a text without anything visible is refused.
 */
class TextCleaningIntegrationTests extends ChatIntegrationTest {

	private static final String ESC = "\u001b";

	private static final String BEL = "\u0007";

	@Test
	void theReviewersRestBroadcastReachesAnNcUserAsOneHarmlessLine() {
		ChatClient nc = connect();
		String name = uniqueName("nc");
		nc.send("//register " + name + " " + PASSWORD);
		nc.expectLine(line -> line.startsWith("*** Logged in"));

		int status = adminHttp()
			.post("/api/broadcast", "{\"message\":\"x\\n12:00:00 [#general] bob: fake\\u001b]0;PWNED\\u0007\"}")
			.status();

		assertThat(status).isEqualTo(202);
		String line = nc.expectLine(l -> l.contains("[broadcast]"));
		assertThat(line).endsWith("[broadcast] admin: x 12:00:00 [#general] bob: fake]0;PWNED")
			.doesNotContain(ESC, BEL);
		nc.send("//whoami");
		nc.expectLine(l -> l.startsWith("* You are"));
		assertThat(nc.transcript()).noneMatch(l -> l.startsWith("12:00:00 [#general] bob"));

		Response invisible = adminHttp().post("/api/broadcast", "{\"message\":\"\\u200b\\u2066 \"}");
		assertThat(invisible.status()).isEqualTo(400);
		assertThat(invisible.json().path("code").asString()).isEqualTo("invalid-argument");
	}

	@Test
	void messagesLoseBidiOverridesAndLongPaddingAndInvisibleOnesAreRefused() {
		String bobName = uniqueName("bob");
		ChatClient alice = newUser(uniqueName("alice"));
		ChatClient bob = newUser(bobName);

		alice.send("evil\u202egnp.exe" + " ".repeat(120) + "12:00:00 [#general] admin: fake");
		alice.send("//msg " + bobName + " \u2066hi\u2069\u3000\u3000\u3000\u3000\u3000\u3000there");

		assertThat(bob.expect("message").path("text").asString())
			.isEqualTo("evilgnp.exe    12:00:00 [#general] admin: fake");
		assertThat(bob.expect("dm").path("text").asString()).isEqualTo("hi    there");
		for (String invisible : new String[] { "\u200b", "\u3164", "\u2800\u200d", "//msg " + bobName + " \u200b" }) {
			JsonNode refused = alice.commandError(invisible);
			assertThat(refused.path("code").asString()).isEqualTo("invalid-argument");
			assertThat(refused.path("text").asString()).contains("visible");
		}
	}

	@Test
	void banAndKickReasonsAreCleanedOverRestAndTcp() {
		String carolName = uniqueName("carol");
		ChatClient carol = newUser(carolName);

		adminHttp().post("/api/bans",
				"{\"username\":\"" + carolName + "\",\"reason\":\"spam\\n12:00:00 fake\\u001b[2J\\u202e\",\"durationSeconds\":60}");

		JsonNode banned = carol.expectError("banned");
		assertThat(banned.path("text").asString()).contains("spam 12:00:00 fake[2J").doesNotContain(ESC, "\n", "\u202e");
		JsonNode listed = adminHttp().get("/api/bans").json();
		assertThat(listed.findValuesAsString("reason")).contains("spam 12:00:00 fake[2J");

		String daveName = uniqueName("dave");
		ChatClient dave = newUser(daveName);
		admin().command("//kick " + daveName + " calm\u202e down\u2069" + " ".repeat(50) + "now");
		assertThat(dave.expect("bye").path("reason").asString()).isEqualTo("kicked by admin: calm down    now");
	}

}
