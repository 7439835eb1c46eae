package io.tcpchat.messaging;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, part 8: {@code //search} finds what the reader may read, newest first, on H2 and (in the MariaDB pass)
 * through the full-text index.
 */
class SearchIntegrationTests extends ChatIntegrationTest {

	@Test
	void findsMessagesWithEveryWordInYourChannelsAndDmsNewestFirst() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String room = uniqueName("room");
		String secret = uniqueName("secret");
		String marker = uniqueName("zebra");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		ChatClient carol = newUser(uniqueName("carol"));
		a.command("//join " + room);
		b.command("//join " + room);
		carol.command("//create-channel " + secret + " private");

		say(a, "deployed " + marker + " on Friday");
		say(b, "nothing about it");
		a.command("//msg " + bob + " the " + marker + " DEPLOYMENT is late");
		say(carol, "deployed " + marker + " secretly");
		say(a, marker + "-deployed, yes");

		List<JsonNode> hits = hits(b, "//search dep " + marker);
		assertThat(hits).extracting(h -> h.path("text").asString())
			.containsExactly(marker + "-deployed, yes", "the " + marker + " DEPLOYMENT is late",
					"deployed " + marker + " on Friday");
		assertThat(hits.get(1).path("type").asString()).isEqualTo("dm");
		assertThat(hits(b, "//search ployed " + marker)).as("words match at their start only").isEmpty();
		assertThat(hits(b, "//search #" + room + " " + marker)).hasSize(2);
		assertThat(hits(b, "//search @" + alice + " " + marker)).extracting(h -> h.path("type").asString())
			.containsExactly("dm");
		assertThat(hits(b, "//search " + marker + " before " + hits.get(1).path("id").asLong()))
			.extracting(h -> h.path("text").asString())
			.containsExactly("deployed " + marker + " on Friday");
		assertThat(b.commandError("//search #" + secret + " " + marker).path("code").asString())
			.isEqualTo("forbidden");
	}

	@Test
	void aSearchNeedsWords() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//search").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//search a b c d e f g h i").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(hits(a, "//search (.*) [+*] \\E")).isEmpty();
	}

	private static void say(ChatClient client, String text) {
		client.send(text);
		client.expect("message", m -> m.path("text").asString().equals(text));
	}

	private static List<JsonNode> hits(ChatClient client, String command) {
		return client.command(command).path("data").path("messages").valueStream().toList();
	}

}
