package io.tcpchat.session;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a user changes in one session holds in all of them, and listings come from memory.
 */
class AccountUpdatesIntegrationTests extends ChatIntegrationTest {

	@Test
	void aColourChangedInOneSessionColoursTheMessagesOfTheOthers() {
		String alice = uniqueName("alice");
		ChatClient first = newUser(alice);
		ChatClient second = connect().login(alice, PASSWORD);

		first.command("//color teal");
		second.send("from my other session");

		JsonNode echo = second.expect("message", m -> m.path("text").asString().equals("from my other session"));
		assertThat(echo.path("color").asString()).isEqualTo("#1a9a8f");
	}

	@Test
	void usersOfAChannelAreItsMembersOnline() {
		String channel = uniqueName("room");
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		newUser(uniqueName("carol"));
		a.command("//join #" + channel);
		b.command("//join #" + channel);
		ChatClient bobAgain = connect().login(bob, PASSWORD);

		JsonNode users = a.command("//users #" + channel).path("data");

		assertThat(users.path("users").valueStream().map(JsonNode::asString)).containsExactly(alice, bob);
		assertThat(users.path("colors").path(bob).asString()).matches("#[0-9a-f]{6}");
		b.close();
		bobAgain.send("//quit");
		bobAgain.expectClosed();
		await().untilAsserted(() -> assertThat(
				a.command("//users #" + channel).path("data").path("users").valueStream().map(JsonNode::asString))
			.containsExactly(alice));
	}

	@Test
	void listingsAreRateLimitedByTheirOwnMoreGenerousBucket() {
		ChatClient a = newUser(uniqueName("alice"));

		for (int i = 0; i < 150; i++) {
			a.send("//user-count");
		}

		assertThat(a.expectError("rate-limited").path("command").asString()).isEqualTo("user-count");
		// messages have their own bucket, untouched by the listings
		a.send("still allowed to talk");
		a.expect("message", m -> m.path("text").asString().equals("still allowed to talk"));
	}

}
