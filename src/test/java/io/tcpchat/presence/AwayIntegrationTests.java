package io.tcpchat.presence;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 15, part 6: away and back, seen in //users and //whois, told once to each DM sender. */
class AwayIntegrationTests extends ChatIntegrationTest {

	@Test
	void awayIsShownAndToldOncePerSenderUntilBack() {
		String ann = uniqueName("ann");
		String bob = uniqueName("bob");
		String cy = uniqueName("cy");
		ChatClient a = newUser(ann);
		ChatClient b = newUser(bob);
		ChatClient c = newUser(cy);

		assertThat(a.command("//away   at  lunch ").path("data").path("away").asString()).isEqualTo("at  lunch");
		assertThat(b.command("//users").path("data").path("away").path(ann).asString()).isEqualTo("at  lunch");
		JsonNode whois = b.command("//whois " + ann.toUpperCase());
		assertThat(whois.path("data").path("online").asBoolean()).isTrue();
		assertThat(whois.path("data").path("away").asString()).isEqualTo("at  lunch");

		assertThat(b.command("//msg " + ann + " one").path("data").path("away").asString()).isEqualTo("at  lunch");
		assertThat(b.command("//msg " + ann + " two").path("data").has("away")).as("told once").isFalse();
		assertThat(c.command("//msg " + ann + " hi").path("data").path("away").asString()).isEqualTo("at  lunch");

		assertThat(a.command("//back").path("data").path("wasAway").asBoolean()).isTrue();
		assertThat(b.command("//msg " + ann + " three").path("data").has("away")).isFalse();
		assertThat(b.command("//whois " + ann).path("data").path("away").isNull()).isTrue();
		assertThat(a.command("//back").path("data").path("wasAway").asBoolean()).isFalse();
	}

	@Test
	void awayEndsWithTheLastSession() {
		String ann = uniqueName("ann");
		ChatClient a = newUser(ann);
		ChatClient b = newUser(uniqueName("bob"));
		a.command("//away");
		assertThat(b.command("//whois " + ann).path("data").path("away").asString()).isEqualTo("away");

		a.close();
		await().until(() -> !b.command("//whois " + ann).path("data").path("online").asBoolean());
		connect().login(ann, PASSWORD);

		assertThat(b.command("//whois " + ann).path("data").path("away").isNull()).isTrue();
		assertThat(b.commandError("//whois " + uniqueName("ghost")).path("code").asString()).isEqualTo("not-found");
	}

}
