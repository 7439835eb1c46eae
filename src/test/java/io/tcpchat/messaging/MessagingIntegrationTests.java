package io.tcpchat.messaging;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class MessagingIntegrationTests extends ChatIntegrationTest {

	@Test
	void aPlainLineGoesToTheMembersOfTheCurrentChannelOnly() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient member = newUser(uniqueName("bob"));
		ChatClient outsider = newUser(uniqueName("carol"));
		a.command("//join #" + channel);
		member.command("//join #" + channel);

		a.send("only for the room");

		JsonNode received = member.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(received.path("channel").asString()).isEqualTo(channel);
		assertThat(received.path("text").asString()).isEqualTo("only for the room");
		assertThat(received.path("color").asString()).matches("#[0-9a-f]{6}");
		a.expect("message", m -> m.path("text").asString().equals("only for the room"));
		assertNothingSeenBefore(outsider, a, alice, "only for the room");
	}

	@Test
	void theEchoComesOnlyOnceTheMessageIsStored() {
		String alice = uniqueName("alice");
		ChatClient a = newUser(alice);
		a.command("//join " + uniqueName("room"));

		a.send("stored first");
		JsonNode echo = a.expect("message", m -> m.path("from").asString().equals(alice));

		assertThat(echo.path("id").asLong()).isPositive();
		assertThat(echo.path("ts").asString()).endsWith("Z");
		List<JsonNode> history = a.command("//history").path("data").path("messages").valueStream().toList();
		assertThat(history).extracting(m -> m.path("id").asLong()).containsExactly(echo.path("id").asLong());
	}

	@Test
	void aDirectMessageReachesTheRecipientAndEchoesToTheSenderOnly() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		ChatClient carol = newUser(uniqueName("carol"));

		a.send("//msg " + bob.toUpperCase() + "  psst, bob");

		JsonNode dm = b.expect("dm");
		assertThat(dm.path("from").asString()).isEqualTo(alice);
		assertThat(dm.path("to").asString()).isEqualTo(bob);
		assertThat(dm.path("text").asString()).isEqualTo("psst, bob");
		assertThat(dm.path("id").asLong()).isPositive();
		assertThat(a.expect("dm").path("id").asLong()).isEqualTo(dm.path("id").asLong());
		assertNothingSeenBefore(carol, a, alice, "psst, bob");
	}

	@Test
	void aDirectMessageToAnUnknownUserIsRefused() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//msg " + uniqueName("ghost") + " hello").path("code").asString())
			.isEqualTo("not-found");
	}

	@Test
	void msgToAChannelPostsThereWithoutChangingTheCurrentChannel() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(uniqueName("bob"));
		a.command("//join " + channel);
		b.command("//join " + channel);
		a.command("//join general");

		a.send("//msg #" + channel + " over there");

		JsonNode received = b.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(received.path("channel").asString()).isEqualTo(channel);
		assertThat(received.path("text").asString()).isEqualTo("over there");
		assertThat(a.command("//whoami").path("data").path("current").asString()).isEqualTo("general");
	}

	@Test
	void postingToAChannelYouAreNotInIsRefused() {
		String channel = uniqueName("room");
		newUser(uniqueName("alice")).command("//join " + channel);
		ChatClient b = newUser(uniqueName("bob"));

		assertThat(b.commandError("//msg #" + channel + " let me in").path("code").asString()).isEqualTo("forbidden");
		assertThat(b.commandError("//msg #" + uniqueName("nowhere") + " hello").path("code").asString())
			.isEqualTo("not-found");
	}

	@Test
	void historyShowsTheLastMessagesNewestLast() {
		String channel = uniqueName("room");
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//join " + channel);
		for (String text : List.of("one", "two", "three")) {
			a.send(text);
			a.expect("message", m -> m.path("text").asString().equals(text));
		}
		a.command("//join general");

		assertThat(texts(a.command("//history #" + channel))).containsExactly("one", "two", "three");
		assertThat(texts(a.command("//history #" + channel + " 2"))).containsExactly("two", "three");
		assertThat(texts(a.command("//history 2 " + channel))).containsExactly("two", "three");
		a.command("//join " + channel);
		assertThat(texts(a.command("//history 1"))).containsExactly("three");
		List<JsonNode> messages = a.command("//history").path("data").path("messages").valueStream().toList();
		assertThat(messages).allSatisfy(m -> {
			assertThat(m.path("type").asString()).isEqualTo("message");
			assertThat(m.path("channel").asString()).isEqualTo(channel);
			assertThat(m.path("ts").asString()).endsWith("Z");
		});
		assertThat(messages.get(0).path("id").asLong()).isLessThan(messages.get(2).path("id").asLong());
	}

	@Test
	void historyRefusesABadCountAndPrivateChannelsOfOthers() {
		String channel = uniqueName("secret");
		newUser(uniqueName("olga")).command("//create-channel " + channel + " private");
		ChatClient b = newUser(uniqueName("bob"));

		assertThat(b.commandError("//history #general 0").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(b.commandError("//history #general many").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(b.commandError("//history #" + channel).path("code").asString()).isEqualTo("forbidden");
	}

	@Test
	void colorChangesTheColourOfLaterMessages() {
		String alice = uniqueName("alice");
		ChatClient a = newUser(alice);
		a.command("//join " + uniqueName("room"));

		JsonNode reply = a.command("//color #3F7FE0");
		assertThat(reply.path("data").path("color").asString()).isEqualTo("#3f7fe0");
		a.send("in blue");

		assertThat(a.expect("message", m -> m.path("from").asString().equals(alice)).path("color").asString())
			.isEqualTo("#3f7fe0");
		assertThat(a.command("//color teal").path("data").path("color").asString()).matches("#[0-9a-f]{6}");
	}

	@Test
	void unreadableOrMalformedColoursAreRefused() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//color #ffff00").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//color #000080").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//color white").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//color").path("code").asString()).isEqualTo("invalid-argument");
	}

	@Test
	void emptyAndTooLongMessagesAreRefused() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//msg #general    ").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//say").path("code").asString()).isEqualTo("invalid-argument");
		JsonNode tooLong = a.commandError("x".repeat(2001));
		assertThat(tooLong.path("code").asString()).isEqualTo("invalid-argument");
		assertThat(tooLong.path("text").asString()).contains("2000");
		String longest = "x".repeat(1999) + "!";
		a.send(longest);
		assertThat(a.expect("message").path("text").asString()).isEqualTo(longest);
	}

	private static List<String> texts(JsonNode historyReply) {
		return historyReply.path("data").path("messages").valueStream().map(m -> m.path("text").asString()).toList();
	}

	/**
	 * Proves {@code client} did not receive {@code text}: a direct message sent afterwards by the same sender
	 * arrives, and nothing before it carried the text (delivery keeps each sender's order).
	 */
	private static void assertNothingSeenBefore(ChatClient client, ChatClient sender, String senderName,
			String text) {
		String whoami = client.command("//whoami").path("data").path("user").asString();
		sender.send("//msg " + whoami + " marker");
		client.expect("dm", d -> d.path("from").asString().equals(senderName));
		assertThat(client.transcript()).noneMatch(line -> line.contains(text));
	}

}
