package io.tcpchat.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolIntegrationTests extends ChatIntegrationTest {

	@Test
	void aJsonClientGetsTheWelcomeWithItsFields() {
		ChatClient client = connect();
		client.send("//format json");

		JsonNode welcome = client.expect("welcome");

		assertThat(welcome.path("server").asString()).isEqualTo("tcp-chat");
		assertThat(welcome.path("version").asString()).isNotBlank();
		assertThat(welcome.path("node").asString()).isNotBlank();
		assertThat(welcome.path("registration").asString()).isEqualTo("open");
		client.expectReply("format");
		client.expect("prompt", p -> p.path("field").asString().equals("username"));
	}

	@Test
	void everyJsonLineIsAnObjectWithAType() {
		String alice = uniqueName("alice");
		ChatClient a = connect().json();
		a.send("//register " + alice + " " + PASSWORD).expect("logged-in");
		ChatClient b = newUser(uniqueName("bob"));
		a.send("hello");
		a.expect("message");
		a.command("//whoami");
		a.commandError("//nope");
		b.send("//msg " + alice + " hi");
		a.expect("dm");
		a.send("//quit");
		a.expect("bye");
		a.expectClosed();

		List<String> json = a.transcript().stream().dropWhile(line -> !line.startsWith("{")).toList();
		assertThat(json).hasSizeGreaterThan(8).allSatisfy(line -> {
			JsonNode event = ChatClient.parse(line);
			assertThat(event.isObject()).as(line).isTrue();
			assertThat(event.path("type").asString()).as(line).isNotBlank();
		});
	}

	@Test
	void anUnknownCommandIsAnErrorAndNamesAreMatchedIgnoringCase() {
		ChatClient client = newUser(uniqueName("alice"));

		JsonNode error = client.commandError("//no-such-command with args");

		assertThat(error.path("code").asString()).isEqualTo("unknown-command");
		assertThat(error.path("command").asString()).isEqualTo("no-such-command");
		client.send("//WHOAMI");
		assertThat(client.expectReply("whoami").path("data").path("user").asString()).isNotBlank();
	}

	@Test
	void helpDescribesEveryCommandOrOne() {
		ChatClient client = connect().json();

		List<JsonNode> commands = client.command("//help").path("data").path("commands").valueStream().toList();
		assertThat(commands).allSatisfy(c -> {
			assertThat(c.path("name").asString()).isNotBlank();
			assertThat(c.path("usage").asString()).startsWith("//");
			assertThat(c.path("description").asString()).isNotBlank();
			assertThat(c.path("adminOnly").isBoolean()).isTrue();
		});
		assertThat(client.command("//help //ban").path("data").path("commands").get(0).path("usage").asString())
			.isEqualTo("//ban <username> (duration) (reason)");
		assertThat(client.commandError("//help nope").path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void aTooLongLineIsDiscardedAndTheConnectionStaysOpen() {
		ChatClient client = newUser(uniqueName("alice"));

		client.send("x".repeat(5000));

		assertThat(client.expectError("line-too-long").path("text").asString()).contains("4096");
		assertThat(client.command("//whoami").path("type").asString()).isEqualTo("reply");
	}

	@Test
	void invalidUtf8IsReplacedNotFatal() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(uniqueName("bob"));
		a.command("//join " + channel);
		b.command("//join " + channel);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("bad ".getBytes(StandardCharsets.UTF_8));
		bytes.write(0xff);
		bytes.write(0xfe);
		bytes.writeBytes(" bytes\u001b[2J\n".getBytes(StandardCharsets.UTF_8));

		a.sendRaw(bytes.toByteArray());

		JsonNode received = b.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(received.path("text").asString()).startsWith("bad \uFFFD").endsWith(" bytes[2J")
			.doesNotContain("\u001b");
		assertThat(a.command("//whoami").path("type").asString()).isEqualTo("reply");
	}

	@Test
	void theTextFormatIsForPeople() {
		String name = uniqueName("tess");
		ChatClient client = connect();

		assertThat(client.nextLine()).matches("\\*\\*\\* Welcome to tcp-chat \\S+ \\(node \\S+\\)\\. .*open.*");
		assertThat(client.nextLine()).isEqualTo("? Username:");
		client.send(name);
		assertThat(client.nextLine()).isEqualTo("? There is no account " + name + ". Register it? (yes/no)");
		client.send("yes");
		assertThat(client.nextLine()).startsWith("? New account " + name);
		client.send(PASSWORD);
		assertThat(client.nextLine()).isEqualTo("? Repeat the password (empty line to cancel):");
		client.send(PASSWORD);
		assertThat(client.nextLine()).isEqualTo("*** Logged in as " + name + " [USER]. You are in #general.");
		client.send("hello, people");
		String live = client.expectLine(line -> line.contains(name + ":"));
		assertThat(live).matches("\\d\\d:\\d\\d:\\d\\d \\[#general\\] " + name + ": hello, people");
		client.send("//history 1");
		assertThat(client.expectLine(line -> line.startsWith("* ") && line.endsWith(": hello, people")))
			.as("history looks like the live line")
			.isEqualTo("* " + live);
		client.send("//whoami");
		assertThat(client.expectLine(line -> line.startsWith("* You are"))).contains(name).contains("#general");
		client.send("//nope");
		assertThat(client.expectLine(line -> line.startsWith("!"))).startsWith("! unknown-command: ");
		client.send("//quit");
		assertThat(client.expectLine(line -> line.startsWith("* bye"))).isEqualTo("* bye: quit");
		client.expectClosed();
		assertThat(client.transcript()).noneMatch(line -> line.startsWith("{"));
	}

	@Test
	void quitSaysByeWithTheReasonAndCloses() {
		ChatClient client = newUser(uniqueName("alice"));

		client.send("//quit going home");

		assertThat(client.expect("bye").path("reason").asString()).isEqualTo("quit: going home");
		client.expectClosed();
	}

	@Test
	void quitWorksBeforeLogin() {
		ChatClient client = connect().json();

		client.send("//quit");

		assertThat(client.expect("bye").path("reason").asString()).isEqualTo("quit");
		client.expectClosed();
	}

	@Test
	void aScriptThatHalfClosesAfterItsLinesStillGetsEveryReply() throws Exception {
		String name = uniqueName("script");
		newUser(name).close();
		ChatClient client = connect();

		client.send("//format json").send("//login " + name + " " + PASSWORD).send("sent by a script");
		client.socket().shutdownOutput();

		client.expect("logged-in");
		JsonNode echo = client.expect("message", m -> m.path("from").asString().equals(name));
		assertThat(echo.path("text").asString()).isEqualTo("sent by a script");
		client.expectClosed();
	}

	@Test
	void pongIsAcceptedSilently() {
		ChatClient client = newUser(uniqueName("alice"));

		client.send("//pong abc");

		assertThat(client.command("//whoami").path("type").asString()).isEqualTo("reply");
		assertThat(client.transcript()).noneMatch(line -> line.contains("\"error\""));
	}

}
