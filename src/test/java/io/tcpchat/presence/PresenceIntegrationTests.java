package io.tcpchat.presence;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PresenceIntegrationTests extends ChatIntegrationTest {

	@Test
	void usersListsWhoIsOnlineOnceEvenWithTwoSessions() {
		String alice = uniqueName("alice");
		ChatClient a = newUser(alice);
		connect().login(alice, PASSWORD);
		String bob = uniqueName("bob");
		newUser(bob);

		List<String> users = users(a, "//users");

		assertThat(users).contains(alice, bob);
		assertThat(users).filteredOn(alice::equals).hasSize(1);
	}

	@Test
	void usersCarriesEachOnesNameColourForClientsThatDrawThem() {
		String alice = uniqueName("alice");
		ChatClient a = newUser(alice);
		a.command("//color teal");
		String bob = uniqueName("bob");
		String bobColor = newUser(bob).command("//whoami").path("data").path("color").asString();

		var colors = a.command("//users").path("data").path("colors");

		assertThat(colors.path(alice).asString()).isEqualTo("#1a9a8f");
		assertThat(colors.path(bob).asString()).isEqualTo(bobColor);
	}

	@Test
	void usersOfAChannelListsItsOnlineMembersOnly() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String offline = uniqueName("otto");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		ChatClient o = newUser(offline);
		newUser(uniqueName("carol"));
		a.command("//join " + channel);
		b.command("//join " + channel);
		o.command("//join " + channel);
		o.send("//quit").expectClosed();

		await().untilAsserted(() -> assertThat(users(a, "//users #" + channel)).containsExactly(alice, bob));
		assertThat(a.commandError("//users #" + uniqueName("nowhere")).path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void theCountDropsWhenAUserQuits() {
		ChatClient observer = newUser(uniqueName("obs"));
		String leaver = uniqueName("leaver");
		ChatClient l = newUser(leaver);
		int withLeaver = count(observer);
		assertThat(withLeaver).as("observer and leaver at least").isGreaterThanOrEqualTo(2);
		assertThat(users(observer, "//users")).contains(leaver);

		l.send("//quit");
		l.expect("bye");
		l.expectClosed();

		await().untilAsserted(() -> {
			assertThat(users(observer, "//users")).doesNotContain(leaver);
			assertThat(count(observer)).isLessThan(withLeaver);
		});
	}

	@Test
	void aUserStaysOnlineWhileAnotherSessionIsOpen() {
		ChatClient observer = newUser(uniqueName("obs"));
		String twice = uniqueName("twice");
		ChatClient first = newUser(twice);
		ChatClient second = connect().login(twice, PASSWORD);

		first.send("//quit").expectClosed();
		second.command("//whoami");

		assertThat(users(observer, "//users")).contains(twice);
		second.close();
		await().untilAsserted(() -> assertThat(users(observer, "//users")).doesNotContain(twice));
	}

	@Test
	void theCountDropsWhenAConnectionIsLost() {
		ChatClient observer = newUser(uniqueName("obs"));
		String lost = uniqueName("lost");
		ChatClient l = newUser(lost);
		int withLost = count(observer);

		l.close();

		await().untilAsserted(() -> {
			assertThat(users(observer, "//users")).doesNotContain(lost);
			assertThat(count(observer)).isLessThan(withLost);
		});
	}

	private static List<String> users(ChatClient client, String command) {
		return client.command(command).path("data").path("users").valueStream().map(u -> u.asString()).toList();
	}

	private static int count(ChatClient client) {
		return client.command("//user-count").path("data").path("count").asInt();
	}

}
