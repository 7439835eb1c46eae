package io.tcpchat.messaging;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 2: {@code //history} pages back with {@code before <id>}. */
class HistoryPagingIntegrationTests extends ChatIntegrationTest {

	@Test
	void beforePagesBackThroughAChannel() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		a.command("//join " + channel);
		for (String text : List.of("m1", "m2", "m3", "m4", "m5")) {
			a.send(text);
			a.expect("message", m -> m.path("text").asString().equals(text));
		}

		List<JsonNode> newest = messages(a, "//history " + channel + " 2");
		assertThat(newest).extracting(m -> m.path("text").asString()).containsExactly("m4", "m5");
		List<JsonNode> older = messages(a, "//history " + channel + " 2 before " + newest.get(0).path("id").asLong());
		assertThat(older).extracting(m -> m.path("text").asString()).containsExactly("m2", "m3");
		assertThat(messages(a, "//history 10 before " + older.get(0).path("id").asLong()))
			.extracting(m -> m.path("text").asString())
			.containsExactly("m1");
		assertThat(a.commandError("//history " + channel + " 2 before soon").path("code").asString())
			.isEqualTo("invalid-argument");
	}

	private static List<JsonNode> messages(ChatClient client, String command) {
		return client.command(command).path("data").path("messages").valueStream().toList();
	}

}
