package io.tcpchat.auth;

import java.util.List;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void anUnknownNameIsConfirmedBeforeAnyPasswordAndNoCancels() {
		String name = uniqueName("una");
		ChatClient client = atUsernamePrompt();

		client.send(name);
		JsonNode confirm = prompt(client, "confirm");
		assertThat(confirm.path("text").asString()).contains(name).contains("yes/no");
		assertThat(confirm.path("secret").asBoolean()).isFalse();
		client.send("maybe");
		prompt(client, "confirm");
		client.send("no");

		prompt(client, "username");
		assertThat(connect().json().commandError("//login " + name + " " + PASSWORD).path("code").asString())
			.isEqualTo("bad-credentials");
	}

	@ParameterizedTest
	@ValueSource(strings = { "username", "password", "confirm", "new-password", "repeat-password" })
	void quitWorksAtEveryPrompt(String field) {
		String existing = uniqueName("quinn");
		newUser(existing).close();
		ChatClient client = atUsernamePrompt();
		switch (field) {
			case "password" -> client.send(existing);
			case "confirm" -> client.send(uniqueName("new"));
			case "new-password" -> client.send(uniqueName("new")).send("yes");
			case "repeat-password" -> client.send(uniqueName("new")).send("yes").send(PASSWORD);
			default -> {
			}
		}
		if (!field.equals("username")) {
			prompt(client, field);
		}

		client.send("//quit");

		assertThat(client.expect("bye").path("reason").asString()).isEqualTo("quit");
		client.expectClosed();
	}

	@Test
	void aCancelIsNeverAFailedLogin() {
		String name = uniqueName("cal");
		newUser(name).close();
		double failedBefore = failedLogins();
		ChatClient client = atUsernamePrompt();

		client.send(name);
		prompt(client, "password");
		client.send("");
		prompt(client, "username");
		client.send(uniqueName("new")).send("no");
		prompt(client, "username");

		assertThat(failedLogins()).isEqualTo(failedBefore);
		client.send(name).send("wrong-password");
		client.expectError("bad-credentials");
		assertThat(failedLogins()).isEqualTo(failedBefore + 1);
	}

	private double failedLogins() {
		return this.meters.find("chat.logins.failed").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	@Test
	void anExistingUserLogsInThroughTheUsernameAndPasswordPrompts() {
		String name = uniqueName("ann");
		newUser(name).close();
		ChatClient client = atUsernamePrompt();

		client.send(name);
		JsonNode password = prompt(client, "password");
		assertThat(password.path("secret").asBoolean()).isTrue();
		client.send(PASSWORD);

		JsonNode loggedIn = client.expect("logged-in");
		assertThat(loggedIn.path("user").asString()).isEqualTo(name);
		assertThat(loggedIn.path("roles").valueStream().map(JsonNode::asString)).containsExactly("USER");
		assertThat(loggedIn.path("channel").asString()).isEqualTo("general");
	}

	@Test
	void aNewAccountLoggingInFromManyConnectionsAtOnceGetsInEverywhere() {
		String name = uniqueName("rush");
		assertThat(adminHttp().post("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}")
			.status()).isEqualTo(201);
		List<ChatClient> sessions = IntStream.range(0, 8).mapToObj(i -> connect().json()).toList();

		sessions.forEach(session -> session.send("//login " + name + " " + PASSWORD));

		for (ChatClient session : sessions) {
			JsonNode answer = session.expectLine(line -> line.contains("\"logged-in\"") || line.contains("\"error\""))
				.transform(ChatClient::parse);
			assertThat(answer.path("type").asString()).as(answer.toString()).isEqualTo("logged-in");
			assertThat(answer.path("channel").asString()).isEqualTo("general");
		}
	}

	@Test
	void theUsernameIsMatchedIgnoringCaseAndKeepsItsStoredSpelling() {
		String name = uniqueName("Carla");
		newUser(name).close();

		JsonNode loggedIn = connect().json().send("//login " + name.toUpperCase() + " " + PASSWORD).expect("logged-in");

		assertThat(loggedIn.path("user").asString()).isEqualTo(name);
	}

	@Test
	void anUnknownNameLeadsThroughNewAndRepeatedPasswordAndCreatesTheAccount() {
		String name = uniqueName("dan");
		ChatClient client = atUsernamePrompt();

		client.send(name);
		confirm(client);
		assertThat(prompt(client, "new-password").path("secret").asBoolean()).isTrue();
		client.send(PASSWORD);
		assertThat(prompt(client, "repeat-password").path("secret").asBoolean()).isTrue();
		client.send(PASSWORD);

		assertThat(client.expect("logged-in").path("user").asString()).isEqualTo(name);
		connect().login(name, PASSWORD);
	}

	@Test
	void aMismatchingRepeatAsksForTheNewPasswordAgain() {
		String name = uniqueName("eve");
		ChatClient client = atUsernamePrompt();
		client.send(name);
		confirm(client);
		prompt(client, "new-password");
		client.send(PASSWORD);
		prompt(client, "repeat-password");

		client.send(PASSWORD + "-typo");

		assertThat(client.expectError("invalid-argument").path("text").asString()).contains("differ");
		prompt(client, "new-password");
		client.send("second-password").send("second-password");
		client.expect("logged-in");
		connect().login(name, "second-password");
	}

	@Test
	void anEmptyNewPasswordCancelsBackToTheUsernamePromptWithoutAnAccount() {
		String name = uniqueName("fay");
		ChatClient client = atUsernamePrompt();
		client.send(name);
		confirm(client);
		prompt(client, "new-password");

		client.send("");

		prompt(client, "username");
		assertThat(connect().json().commandError("//login " + name + " " + PASSWORD).path("code").asString())
			.isEqualTo("bad-credentials");
	}

	@Test
	void aTooShortPasswordIsRefusedAndAskedForAgain() {
		ChatClient client = atUsernamePrompt();
		client.send(uniqueName("gus"));
		confirm(client);
		prompt(client, "new-password");

		client.send("short").send("short");

		assertThat(client.expectError("invalid-argument").path("text").asString()).contains("8");
		prompt(client, "new-password");
	}

	@Test
	void anInvalidNameIsRefusedAtThePrompt() {
		ChatClient client = atUsernamePrompt();

		client.send("no spaces allowed");

		client.expectError("invalid-argument");
		prompt(client, "username");
	}

	@Test
	void aWrongPasswordGivesBadCredentialsAndANewUsernamePrompt() {
		String name = uniqueName("hal");
		newUser(name).close();
		ChatClient client = atUsernamePrompt();
		client.send(name);
		prompt(client, "password");

		client.send("wrong-password");

		JsonNode error = client.expectError("bad-credentials");
		prompt(client, "username");
		JsonNode unknown = connect().json().commandError("//login " + uniqueName("nobody") + " " + PASSWORD);
		assertThat(unknown.path("code").asString()).isEqualTo("bad-credentials");
		assertThat(unknown.path("text").asString()).isEqualTo(error.path("text").asString());
	}

	@Test
	void formatAndHelpWorkAtTheUsernamePromptAndShowItAgain() {
		ChatClient client = connect();
		client.expectLine(line -> line.startsWith("? "));

		client.send("//format json");
		client.expectReply("format");
		prompt(client, "username");
		client.send("//help");

		JsonNode commands = client.expectReply("help").path("data").path("commands");
		assertThat(commands.valueStream().map(c -> c.path("name").asString())).contains("login", "register", "quit")
			.doesNotContain("join", "passwd", "ban");
		prompt(client, "username");
	}

	@Test
	void helpListsOnlyTheCommandsASessionMayRun() {
		JsonNode user = newUser(uniqueName("hugo")).command("//help").path("data").path("commands");
		assertThat(user.valueStream().map(c -> c.path("name").asString())).contains("join", "passwd", "help")
			.doesNotContain("login", "register", "ban", "broadcast", "release-name");
		JsonNode admin = admin().command("//help").path("data").path("commands");
		assertThat(admin.valueStream().map(c -> c.path("name").asString())).contains("join", "ban", "release-name")
			.doesNotContain("login", "register");
		assertThat(adminHttp().get("/api/commands").json().valueStream().map(c -> c.path("name").asString()))
			.contains("login", "register", "join", "ban", "release-name");
		assertThat(newUser(uniqueName("ida")).command("//help ban").path("data").path("commands").size()).isOne();
	}

	@Test
	void aPasswordMayStartWithTwoSlashesAtASecretPrompt() {
		String name = uniqueName("ivy");
		String password = "//quit-is-my-password";
		ChatClient registering = atUsernamePrompt();
		registering.send(name);
		confirm(registering);
		prompt(registering, "new-password");
		registering.send(password);
		prompt(registering, "repeat-password");
		registering.send(password);
		registering.expect("logged-in");

		ChatClient client = atUsernamePrompt();
		client.send(name);
		prompt(client, "password");
		client.send(password);

		assertThat(client.expect("logged-in").path("user").asString()).isEqualTo(name);
	}

	@Test
	void scriptsLogInAndRegisterByCommand() {
		String name = uniqueName("jay");

		JsonNode registered = connect().json().send("//register " + name + " " + PASSWORD).expect("logged-in");
		JsonNode loggedIn = connect().json().send("//login " + name + " " + PASSWORD).expect("logged-in");

		assertThat(registered.path("user").asString()).isEqualTo(name);
		assertThat(loggedIn.path("user").asString()).isEqualTo(name);
	}

	@Test
	void registeringATakenNameIsRefusedIgnoringCase() {
		String name = uniqueName("kim");
		newUser(name);

		JsonNode error = connect().json().commandError("//register " + name.toUpperCase() + " " + PASSWORD);

		assertThat(error.path("code").asString()).isEqualTo("already-exists");
	}

	@Test
	void registrationChecksTheNameAndPasswordRules() {
		ChatClient client = connect().json();

		assertThat(client.commandError("//register ab " + PASSWORD).path("code").asString())
			.isEqualTo("invalid-argument");
		assertThat(client.commandError("//register " + "x".repeat(33) + " " + PASSWORD).path("code").asString())
			.isEqualTo("invalid-argument");
		assertThat(client.commandError("//register bad!name " + PASSWORD).path("code").asString())
			.isEqualTo("invalid-argument");
		assertThat(client.commandError("//register " + uniqueName("lou") + " 1234567").path("text").asString())
			.contains("8");
		assertThat(client.commandError("//register " + uniqueName("lou")).path("text").asString())
			.contains("//register <user> <password>");
	}

	@Test
	void commandsThatNeedALoginAreRefusedBeforeIt() {
		ChatClient client = connect().json();

		for (String command : new String[] { "//users", "//whoami", "//join #x", "//channels", "//msg bob hi",
				"//history", "//passwd", "//ban bob" }) {
			JsonNode error = client.commandError(command);
			assertThat(error.path("code").asString()).as(command).isEqualTo("not-logged-in");
		}
	}

	@Test
	void loginAndRegisterAreRefusedOnceLoggedIn() {
		String name = uniqueName("max");
		ChatClient client = newUser(name);

		assertThat(client.commandError("//login " + name + " " + PASSWORD).path("code").asString())
			.isEqualTo("forbidden");
		assertThat(client.commandError("//register " + uniqueName("ned") + " " + PASSWORD).path("code").asString())
			.isEqualTo("forbidden");
		assertThat(client.command("//whoami").path("data").path("user").asString()).isEqualTo(name);
	}

	@Test
	void passwdChangesThePasswordAfterCheckingTheCurrentOne() {
		String name = uniqueName("oli");
		ChatClient client = newUser(name);

		client.send("//passwd");
		assertThat(prompt(client, "password").path("secret").asBoolean()).isTrue();
		client.send(PASSWORD);
		prompt(client, "new-password");
		client.send("//new-password-2");
		prompt(client, "repeat-password");
		client.send("//new-password-2");
		client.expectReply("passwd");

		assertThat(connect().json().commandError("//login " + name + " " + PASSWORD).path("code").asString())
			.isEqualTo("bad-credentials");
		connect().login(name, "//new-password-2");
	}

	@Test
	void passwdRefusesAWrongCurrentPasswordOrADifferingRepeat() {
		String name = uniqueName("pam");
		ChatClient client = newUser(name);

		client.send("//passwd").send("not-my-password").send("new-password-2").send("new-password-2");
		assertThat(client.expectError("bad-credentials").path("command").asString()).isEqualTo("passwd");
		client.send("//passwd").send(PASSWORD).send("new-password-2").send("new-password-3");
		client.expectError("invalid-argument");

		connect().login(name, PASSWORD);
	}

	/** Answers "register it?" with yes. */
	private static void confirm(ChatClient client) {
		prompt(client, "confirm");
		client.send("yes");
	}

	/** A new connection in json format, at the username prompt. */
	private ChatClient atUsernamePrompt() {
		ChatClient client = connect().json();
		prompt(client, "username");
		return client;
	}

	private static JsonNode prompt(ChatClient client, String field) {
		return client.expect("prompt", p -> field.equals(p.path("field").asString()));
	}

}
