package io.tcpchat.presence;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 15, part 3: optional online/offline notices about the people one shares a channel with. */
class PresenceNoticesIntegrationTests extends ChatIntegrationTest {

	@Test
	void noticesAreOffByDefaultKeptPerUserAndSentForFirstAndLastSessions() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient a = newUser(alice);
		newUser(bob).close();
		await().until(() -> !a.command("//whois " + bob).path("data").path("online").asBoolean());
		assertThat(a.command("//notify").path("data").path("notify").asBoolean()).isFalse();

		assertThat(a.command("//notify ON").path("data").path("notify").asBoolean()).isTrue();
		ChatClient b = connect().login(bob, PASSWORD);
		JsonNode online = a.expect("notice", n -> n.path("code").asString().equals("online")
				&& n.path("user").asString().equals(bob));
		assertThat(online.path("text").asString()).isEqualTo(bob + " is online.");

		ChatClient second = connect().login(bob, PASSWORD);
		second.close();
		b.close();
		a.expect("notice", n -> n.path("code").asString().equals("offline") && n.path("user").asString().equals(bob));
		assertThat(a.transcript().stream().filter(line -> line.contains("\"code\":\"online\"")
				&& line.contains("\"user\":\"" + bob + "\""))).as("one notice for two sessions").hasSize(1);

		ChatClient later = connect().login(alice, PASSWORD);
		assertThat(later.command("//notify").path("data").path("notify").asBoolean()).as("kept").isTrue();
		later.command("//notify off");
		a.command("//notify");
		connect().login(bob, PASSWORD);
		ChatClient witness = newUser(uniqueName("witness"));
		witness.command("//whoami");
		a.command("//whoami");
		assertThat(a.transcript().stream().filter(line -> line.contains("\"code\":\"online\"")
				&& line.contains("\"user\":\"" + bob + "\""))).as("off in every session").hasSize(1);
	}

	@Test
	void onlyOnOrOff() {
		assertThat(newUser(uniqueName("alice")).commandError("//notify maybe").path("code").asString())
			.isEqualTo("invalid-argument");
	}

}
