package io.tcpchat.messaging;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 15, part 2: read markers per user and channel, and the unread summary at login. */
class UnreadIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private ReadMarkers readMarkers;

	@Test
	void theLoginSummarizesWhatCameWhileYouWereAway() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("room");
		String quiet = uniqueName("quiet");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//join " + channel);
		b.command("//join " + channel);
		b.command("//join " + quiet);
		a.send("seen live");
		b.expect("message", m -> m.path("text").asString().equals("seen live"));
		b.close();
		await().until(() -> !a.command("//whois " + bob).path("data").path("online").asBoolean());
		await().until(this.readMarkers::isIdle);

		for (int i = 1; i <= 3; i++) {
			a.send("while away " + i);
		}
		a.expect("message", m -> m.path("text").asString().equals("while away 3"));
		a.command("//msg " + bob + " one");
		a.command("//msg " + bob + " two");

		ChatClient again = connect().login(bob, PASSWORD);

		JsonNode summary = again.expect("notice", n -> n.path("code").asString().equals("unread"));
		assertThat(summary.path("unread").path(channel).asLong()).isEqualTo(3);
		assertThat(summary.path("unread").has(quiet)).isFalse();
		assertThat(summary.path("dms").path(alice).asLong()).isEqualTo(2);
		assertThat(summary.path("text").asString()).contains("3 new in #" + channel, "2 DMs from " + alice);
		again.expect("notice", n -> n.path("code").asString().equals("missed-dms"));

		again.close();
		await().until(() -> !a.command("//whois " + bob).path("data").path("online").asBoolean());
		await().until(this.readMarkers::isIdle);
		ChatClient third = connect().login(bob, PASSWORD);
		third.command("//whoami");
		assertThat(third.transcript()).as("everything was read").noneMatch(line -> line.contains("\"code\":\"unread\""));
	}

	@Test
	void aFirstLoginHasNothingUnread() {
		ChatClient c = newUser(uniqueName("carol"));
		c.command("//whoami");
		assertThat(c.transcript()).noneMatch(line -> line.contains("\"code\":\"unread\""));
	}

	@Test
	void readMarksAChannelYouAreIn() {
		String channel = uniqueName("room");
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//join " + channel);

		assertThat(a.command("//read").path("data").path("channel").asString()).isEqualTo(channel);
		assertThat(a.command("//read #general").path("data").path("channel").asString()).isEqualTo("general");
		ChatClient b = newUser(uniqueName("bob"));
		assertThat(b.commandError("//read " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(b.commandError("//read " + uniqueName("nowhere")).path("code").asString()).isEqualTo("not-found");
	}

}
