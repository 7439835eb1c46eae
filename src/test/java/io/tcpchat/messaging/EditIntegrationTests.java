package io.tcpchat.messaging;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 5: authors edit or take back their own messages and DMs; everyone who got them is told. */
class EditIntegrationTests extends ChatIntegrationTest {

	@Test
	void editAndUnsendAreAnnouncedAndReflectedInHistory() {
		String ann = uniqueName("ann");
		String bob = uniqueName("bob");
		String room = uniqueName("room");
		ChatClient a = newUser(ann);
		ChatClient b = newUser(bob);
		a.command("//join " + room);
		b.command("//join " + room);
		long first = say(a, "helo all");
		long second = say(a, "oops wrong room");

		assertThat(a.command("//edit " + first + " hello  all").path("data").path("id").asLong()).isEqualTo(first);
		JsonNode edit = b.expect("edit");
		assertThat(edit.path("id").asLong()).isEqualTo(first);
		assertThat(edit.path("channel").asString()).isEqualTo(room);
		assertThat(edit.path("text").asString()).isEqualTo("hello  all");
		a.command("//unsend last");
		assertThat(b.expect("unsend").path("id").asLong()).isEqualTo(second);

		List<JsonNode> history = b.command("//history " + room).path("data").path("messages").valueStream().toList();
		assertThat(history).extracting(m -> m.path("text").asString()).containsExactly("hello  all");
		assertThat(history.get(0).path("edited").asString()).endsWith("Z");
	}

	@Test
	void onlyTheAuthorAndNotBroadcasts() {
		String ann = uniqueName("ann");
		String bob = uniqueName("bob");
		ChatClient a = newUser(ann);
		ChatClient b = newUser(bob);
		long dm = a.command("//msg " + bob + " secret").path("data").path("id").asLong();
		b.expect("dm");

		assertThat(b.commandError("//edit " + dm + " hijacked").path("code").asString()).isEqualTo("not-found");
		assertThat(b.commandError("//unsend " + dm).path("code").asString()).isEqualTo("not-found");
		assertThat(b.commandError("//unsend 99999999").path("code").asString()).isEqualTo("not-found");
		assertThat(a.commandError("//edit " + dm + "  ").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//edit soon text").path("code").asString()).isEqualTo("invalid-argument");
		a.command("//edit " + dm + " still secret");
		assertThat(b.expect("edit").path("to").asString()).isEqualTo(bob);
		assertThat(b.command("//history @" + ann).path("data").path("messages").get(0).path("text").asString())
			.isEqualTo("still secret");
	}

	private static long say(ChatClient client, String text) {
		client.send(text);
		return client.expect("message", m -> m.path("text").asString().equals(text)).path("id").asLong();
	}

}
