package io.tcpchat.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins in bulk: chat goes on while they run, and a burst of registrations never answers "nothing was changed"
 * for an account that was created.
 */
class LoginStormIntegrationTests extends ChatIntegrationTest {

	private static final int STORM = 200;

	@Autowired
	private AccountService accounts;

	@Test
	void chatStaysResponsiveDuringALoginStorm() {
		String channel = uniqueName("storm").toLowerCase();
		ChatClient alice = newUser(uniqueName("alice"));
		ChatClient bob = newUser(uniqueName("bob"));
		alice.command("//join " + channel);
		bob.command("//join " + channel);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			names.add(uniqueName("crowd"));
			newUser(names.get(i)).close();
		}

		List<ChatClient> crowd = new ArrayList<>();
		for (int i = 0; i < STORM; i++) {
			ChatClient client = connect();
			client.send("//format json").send("//login " + names.get(i % names.size()) + " " + PASSWORD);
			crowd.add(client);
		}
		for (int i = 0; i < 10; i++) {
			alice.send("//msg #" + channel + " line " + i);
		}

		for (int i = 0; i < 10; i++) {
			String text = "line " + i;
			assertThat(bob.expect("message", m -> m.path("text").asString().equals(text))).isNotNull();
		}
		for (ChatClient client : crowd) {
			JsonNode answer = client.expect("logged-in");
			assertThat(answer.path("resume").asString()).isNotBlank();
		}
	}

	@Test
	void aRegistrationBurstNeverDeniesAnAccountItCreated() {
		Map<String, ChatClient> clients = new LinkedHashMap<>();
		for (int i = 0; i < STORM; i++) {
			clients.put(uniqueName("burst"), connect());
		}
		clients.forEach((name, client) -> client.send("//format json").send("//register " + name + " " + PASSWORD));
		Map<String, JsonNode> answers = new LinkedHashMap<>();
		clients.forEach((name, client) -> answers.put(name, firstAnswer(client)));

		assertThat(answers).hasSize(STORM);
		answers.forEach((name, answer) -> {
			// the account is there, or it is not: an answer must not claim otherwise
			boolean exists = this.accounts.findUser(name).isPresent();
			if (answer.path("type").asString().equals("logged-in")) {
				assertThat(exists).as(name).isTrue();
			}
			else {
				assertThat(answer.path("text").asString()).as(name + ": " + answer)
					.doesNotContain(exists ? "nothing was changed" : "was created");
			}
		});
	}

	private static JsonNode firstAnswer(ChatClient client) {
		while (true) {
			JsonNode event = client.nextEvent();
			String type = event.path("type").asString();
			if (type.equals("logged-in") || type.equals("error")) {
				return event;
			}
		}
	}

}
