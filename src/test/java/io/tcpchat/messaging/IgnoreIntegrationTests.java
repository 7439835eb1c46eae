package io.tcpchat.messaging;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.LineClient;
import io.tcpchat.support.WebSocketChatClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 15, part 9: an ignored user's messages and DMs are not delivered, in any session or protocol. */
class IgnoreIntegrationTests extends ChatIntegrationTest {

	@Test
	void anIgnoredUsersMessagesAndDmsReachNoSessionOfTheIgnorerUntilUnignored() {
		String ann = uniqueName("ann");
		String bob = uniqueName("bob");
		String room = uniqueName("room");
		ChatClient a = newUser(ann);
		WebSocketChatClient aWeb = openWebSocket(null).login(ann, PASSWORD);
		ChatClient b = newUser(bob);
		ChatClient cy = newUser(uniqueName("cy"));
		for (var client : new LineClient[] { a, aWeb, b, cy }) {
			client.command("//join " + room);
		}

		assertThat(a.command("//ignore " + bob).path("data").path("ignored").get(0).asString()).isEqualTo(bob);
		say(b, "from the ignored one");
		b.command("//msg " + ann + " a dm from the ignored one");
		say(cy, "marker one");

		for (LineClient session : new LineClient[] { a, aWeb }) {
			session.expect("message", m -> m.path("text").asString().equals("marker one"));
			assertThat(session.transcript()).noneMatch(line -> line.contains("from the ignored one"));
		}
		assertThat(cy.transcript()).as("others still get it").anyMatch(line -> line.contains("from the ignored one"));

		a.command("//unignore " + bob);
		say(b, "heard again");
		aWeb.expect("message", m -> m.path("text").asString().equals("heard again"));
	}

	@Test
	void theListIsKeptAcrossLoginsAndAppliesToDmsMissedWhileOffline() {
		String ann = uniqueName("ann");
		String bob = uniqueName("bob");
		String cy = uniqueName("cy");
		ChatClient a = newUser(ann);
		ChatClient b = newUser(bob);
		ChatClient c = newUser(cy);
		a.command("//ignore " + bob);
		a.close();
		await().until(() -> !b.command("//whois " + ann).path("data").path("online").asBoolean());
		b.command("//msg " + ann + " unwanted");
		c.command("//msg " + ann + " wanted");

		ChatClient again = connect().login(ann, PASSWORD);
		assertThat(again.expect("notice").path("unread").has(bob)).isFalse();
		again.expect("dm", d -> d.path("text").asString().equals("wanted"));
		assertThat(again.command("//ignored").path("data").path("ignored").get(0).asString()).isEqualTo(bob);
		assertThat(again.transcript()).noneMatch(line -> line.contains("unwanted"));
	}

	@Test
	void notYourselfNotAnAdminNotTwice() {
		String ann = uniqueName("ann");
		String bob = uniqueName("bob");
		ChatClient a = newUser(ann);
		newUser(bob);

		assertThat(a.commandError("//ignore " + ann).path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//ignore admin").path("code").asString()).isEqualTo("forbidden");
		assertThat(a.commandError("//ignore " + uniqueName("ghost")).path("code").asString()).isEqualTo("not-found");
		a.command("//ignore " + bob);
		assertThat(a.commandError("//ignore " + bob).path("code").asString()).isEqualTo("already-exists");
		assertThat(a.commandError("//unignore " + ann).path("code").asString()).isEqualTo("not-found");
	}

	private static void say(ChatClient client, String text) {
		client.send(text);
		client.expect("message", m -> m.path("text").asString().equals(text));
	}

}
