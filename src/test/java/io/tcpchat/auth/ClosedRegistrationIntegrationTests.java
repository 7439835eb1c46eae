package io.tcpchat.auth;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.IrcTestClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code chat.registration=closed} (a server of its own): nobody can tell from the login whether a name
 * exists.
 */
@TestPropertySource(properties = "chat.registration=closed")
class ClosedRegistrationIntegrationTests extends ChatIntegrationTest {

	@Test
	void anUnknownNameIsAskedForAPasswordAndRefusedLikeAWrongPassword() {
		ChatClient client = atUsernamePrompt();
		client.send("admin");
		prompt(client, "password");
		client.send("wrong-password");
		JsonNode wrongPassword = client.expectError("bad-credentials");
		prompt(client, "username");

		client.send(uniqueName("nobody"));
		prompt(client, "password");
		client.send(PASSWORD);
		JsonNode unknownUser = client.expectError("bad-credentials");

		assertThat(unknownUser.path("text").asString()).isEqualTo(wrongPassword.path("text").asString());
		prompt(client, "username");
	}

	@Test
	void selfRegistrationIsRefused() {
		JsonNode error = connect().json().commandError("//register " + uniqueName("sam") + " " + PASSWORD);

		assertThat(error.path("code").asString()).isEqualTo("registration-closed");
	}

	@Test
	void theWelcomeSaysRegistrationIsClosed() {
		assertThat(connect().expectLine(line -> line.startsWith("***"))).contains("closed");
	}

	@Test
	void ircOffersNoAccountRegistrationAndRefusesRegister() {
		String sam = uniqueName("sam");
		IrcTestClient irc = connectIrc();

		irc.send("CAP LS 302").send("NICK " + sam).send("USER sam 0 * :Sam");
		assertThat(irc.expectLine(line -> line.contains(" CAP * LS "))).doesNotContain("account-registration");
		irc.send("REGISTER * * " + PASSWORD);

		assertThat(irc.expectCommand("FAIL", "REGISTER"))
			.startsWith(":tcp-chat FAIL REGISTER TEMPORARILY_UNAVAILABLE " + sam + " :");
	}

	private ChatClient atUsernamePrompt() {
		ChatClient client = connect().json();
		prompt(client, "username");
		return client;
	}

	private static JsonNode prompt(ChatClient client, String field) {
		return client.expect("prompt", p -> field.equals(p.path("field").asString()));
	}

}
