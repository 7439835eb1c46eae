package io.tcpchat.session;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ChatFlowIntegrationTests extends ChatIntegrationTest {

	@Test
	void usersChatInTheDefaultChannel() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);

		a.send("hello " + bob);

		JsonNode received = b.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(received.path("channel").asString()).isEqualTo("general");
		assertThat(received.path("text").asString()).isEqualTo("hello " + bob);
		assertThat(received.path("id").asLong()).isPositive();
		assertThat(received.path("ts").asString()).endsWith("Z");
		JsonNode echo = a.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(echo.path("id").asLong()).isEqualTo(received.path("id").asLong());
	}

	@Test
	void repliesToLinesSentBeforeAHalfCloseAreWritten() throws Exception {
		ChatClient client = connect();
		client.send("//format json").send("//help");
		client.socket().shutdownOutput();

		JsonNode help = client.expectReply("help");
		assertThat(help.path("data").path("commands").valueStream().map(c -> c.path("name").asString()))
			.contains("login", "register", "quit");
		client.expectClosed();
	}

	@Test
	void ncWithHalfCloseGetsItsReplies() throws Exception {
		boolean ncInstalled = new ProcessBuilder("sh", "-c", "command -v nc").start().waitFor() == 0;
		if (!ncInstalled && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("nc (netcat-openbsd) is required in CI");
		}
		org.junit.jupiter.api.Assumptions.assumeTrue(ncInstalled, "nc is not installed: skipping the nc test");
		Process nc = new ProcessBuilder("sh", "-c",
				"printf '//format json\\n//help\\n' | nc -N 127.0.0.1 " + port())
			.redirectErrorStream(true)
			.start();

		String output = new String(nc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

		assertThat(nc.waitFor()).isZero();
		assertThat(output).contains("{\"type\":\"reply\",\"command\":\"format\"")
			.contains("{\"type\":\"reply\",\"command\":\"help\"");
	}

}
