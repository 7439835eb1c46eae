package io.tcpchat.session;

import io.tcpchat.presence.PresenceService;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@TestPropertySource(properties = { "chat.keepalive.idle=400ms", "chat.keepalive.timeout=400ms",
		"chat.limits.login-timeout=600ms" })
class KeepaliveIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private PresenceService presence;

	@Test
	void aSilentClientIsPingedThenDroppedAndLeavesPresence() {
		String name = uniqueName("silent");
		ChatClient silent = newUser(name);
		assertThat(this.presence.isOnline(name)).isTrue();

		JsonNode ping = silent.expect("ping");
		assertThat(ping.path("token").asString()).isNotBlank();
		JsonNode bye = silent.expect("bye");

		assertThat(bye.path("reason").asString()).isEqualTo("idle-timeout");
		silent.expectClosed();
		await().until(() -> !this.presence.isOnline(name));
	}

	@Test
	void aClientThatAnswersPingsStays() {
		String name = uniqueName("lively");
		ChatClient lively = newUser(name);

		for (int i = 0; i < 3; i++) {
			JsonNode ping = lively.expect("ping");
			lively.send("//pong " + ping.path("token").asString());
		}

		assertThat(lively.isClosedByServer()).isFalse();
		assertThat(lively.command("//whoami").path("data").path("user").asString()).isEqualTo(name);
	}

	@Test
	void aConnectionThatNeverLogsInIsClosed() {
		ChatClient lurker = connect().json();

		JsonNode bye = lurker.expect("bye");

		assertThat(bye.path("reason").asString()).isEqualTo("login-timeout");
		lurker.expectClosed();
	}

}
