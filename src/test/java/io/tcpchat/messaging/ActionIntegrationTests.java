package io.tcpchat.messaging;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 5: {@code //me waves} is a channel message marked as an action, live and in history. */
class ActionIntegrationTests extends ChatIntegrationTest {

	@Test
	void meSendsAnActionToTheCurrentChannel() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(uniqueName("bob"));
		a.command("//join " + channel);
		b.command("//join " + channel);
		b.send("//format text");
		b.expectLine(line -> line.contains("text"));

		a.send("//me waves  hello");

		JsonNode echo = a.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(echo.path("action").asBoolean()).isTrue();
		assertThat(echo.path("text").asString()).isEqualTo("waves  hello");
		assertThat(b.expectLine(line -> line.contains(alice))).endsWith("[#" + channel + "] * " + alice + " waves  hello");
		a.send("plain words");
		assertThat(a.expect("message", m -> m.path("text").asString().equals("plain words")).has("action")).isFalse();
		JsonNode history = a.command("//history").path("data").path("messages");
		assertThat(history.get(0).path("action").asBoolean()).isTrue();
		assertThat(history.get(1).has("action")).isFalse();
	}

	@Test
	void meNeedsAnActionAndACurrentChannel() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//me").path("code").asString()).isEqualTo("invalid-argument");
	}

}
