package io.tcpchat.messaging;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15, part 1: a DM is never lost. One sent while its recipient is offline is announced and handed over at
 * the next login, once; either side can read the conversation back.
 */
class DirectMessageDeliveryIntegrationTests extends ChatIntegrationTest {

	@Test
	void dmsSentWhileTheRecipientIsOfflineArriveAtTheNextLoginOnce() {
		String alice = uniqueName("alice");
		String carol = uniqueName("carol");
		ChatClient a = newUser(alice);
		goOffline(a, newUser(carol), carol);

		JsonNode sent = a.command("//msg " + carol + " are you there?");
		assertThat(sent.path("data").path("online").asBoolean()).isFalse();
		assertThat(sent.path("text").asString()).contains("offline");
		a.command("//msg " + carol + " call me");

		ChatClient c = connect().login(carol, PASSWORD);
		// the unread summary (issue 15, part 2) comes first
		assertThat(c.expect("notice").path("code").asString()).isEqualTo("unread");
		JsonNode notice = c.expect("notice");
		assertThat(notice.path("code").asString()).isEqualTo("missed-dms");
		assertThat(notice.path("unread").path(alice).asLong()).isEqualTo(2);
		assertThat(c.expect("dm").path("text").asString()).isEqualTo("are you there?");
		assertThat(c.expect("dm").path("text").asString()).isEqualTo("call me");

		goOffline(a, c, carol);
		ChatClient again = connect().login(carol, PASSWORD);
		again.command("//whoami");
		assertThat(again.transcript()).noneMatch(line -> line.contains("missed-dms") || line.contains("call me"));
	}

	@Test
	void aDmToAnOnlineUserIsDeliveredLiveAndNotAgainAtTheNextLogin() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);

		assertThat(a.command("//msg " + bob + " live").path("data").path("online").asBoolean()).isTrue();
		b.expect("dm");
		goOffline(a, b, bob);

		ChatClient again = connect().login(bob, PASSWORD);
		again.command("//whoami");
		assertThat(again.transcript()).noneMatch(line -> line.contains("missed-dms"));
	}

	@Test
	void historyWithAtUserShowsBothDirectionsOfTheConversationOnly() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String carol = uniqueName("carol");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		newUser(carol);
		a.command("//msg " + bob + " one");
		b.command("//msg " + alice + " two");
		a.command("//msg " + carol + " not for bob");
		a.command("//msg " + bob + " three");

		JsonNode history = b.command("//history @" + alice.toUpperCase() + " 2");
		List<JsonNode> messages = history.path("data").path("messages").valueStream().toList();

		assertThat(messages).extracting(m -> m.path("text").asString()).containsExactly("two", "three");
		assertThat(messages).extracting(m -> m.path("type").asString()).containsOnly("dm");
		assertThat(messages.get(0).path("from").asString()).isEqualTo(bob);
		assertThat(b.command("//history @" + alice).path("data").path("messages").valueStream())
			.extracting(m -> m.path("text").asString())
			.containsExactly("one", "two", "three");
		long threeId = messages.get(1).path("id").asLong();
		assertThat(b.command("//history @" + alice + " 1 before " + threeId).path("data").path("messages").valueStream())
			.extracting(m -> m.path("text").asString())
			.containsExactly("two");
		assertThat(b.commandError("//history @" + uniqueName("ghost")).path("code").asString())
			.isEqualTo("not-found");
	}

	private static void goOffline(ChatClient observer, ChatClient client, String name) {
		client.close();
		await().until(() -> observer.command("//users")
			.path("data")
			.path("users")
			.valueStream()
			.noneMatch(user -> user.asString().equals(name)));
	}

}
