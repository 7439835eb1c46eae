package io.tcpchat.messaging;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 5: a channel message that mentions users (@name) carries their names, live and in history. */
class MentionsIntegrationTests extends ChatIntegrationTest {

	@Test
	void atNamesOfExistingUsersAreMentionsLiveAndInHistory() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String carol = uniqueName("carol");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		newUser(carol);
		a.command("//join " + channel);
		b.command("//join " + channel);

		a.send("hi @" + bob.toUpperCase() + ", and @" + carol + ". @" + bob + " again, @" + uniqueName("ghost")
				+ ", mail " + bob + "@example.org, " + carol);

		JsonNode message = b.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(message.path("mentions").toString()).isEqualTo("[\"" + bob + "\",\"" + carol + "\"]");
		a.send("no one here");
		assertThat(b.expect("message", m -> m.path("text").asString().equals("no one here")).has("mentions"))
			.isFalse();
		JsonNode history = b.command("//history " + channel + " 2").path("data").path("messages");
		assertThat(history.get(0).path("mentions").toString()).isEqualTo("[\"" + bob + "\",\"" + carol + "\"]");
		assertThat(history.get(1).has("mentions")).isFalse();
	}

	@Test
	void anEditMentionsAnew() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient a = newUser(alice);
		newUser(bob);
		a.send("hello all");
		a.expect("message", m -> m.path("text").asString().equals("hello all"));

		a.command("//edit last hello @" + bob);

		JsonNode history = a.command("//history 1").path("data").path("messages");
		assertThat(history.get(0).path("mentions").toString()).isEqualTo("[\"" + bob + "\"]");
	}

}
