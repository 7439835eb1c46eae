package io.tcpchat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code java -jar tcp-chat.jar ...} does with its first argument.
 */
class CommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpPrintsTheUsageAndStartsNoServer() {
		for (String help : new String[] { "--help", "-h", "help" }) {
			assertThat(route(help)).as(help).isZero();
		}
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("client", "bench", "--property=value");
	}

	@Test
	void anUnknownCommandPrintsTheUsageAndFails() {
		assertThat(route("clinet", "--host", "localhost")).isEqualTo(2);

		assertThat(this.err.toString(StandardCharsets.UTF_8)).startsWith("Unknown command: clinet")
			.contains("java -jar tcp-chat.jar client");
	}

	@Test
	void noArgumentsOrPropertiesStartTheServer() {
		assertThat(route()).isEqualTo(TcpChatApplication.START_SERVER);
		assertThat(route("--chat.tcp.port=0", "--server.port=0")).isEqualTo(TcpChatApplication.START_SERVER);
		assertThat(this.out.size() + this.err.size()).isZero();
	}

	private int route(String... args) {
		return TcpChatApplication.route(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
