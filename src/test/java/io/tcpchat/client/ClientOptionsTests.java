package io.tcpchat.client;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientOptionsTests {

	@Test
	void defaultsToThePlainListenerOnLocalhost() {
		assertThat(ClientOptions.parse()).isEqualTo(new ClientOptions("localhost", 7777, false, null, null, null, false));
		assertThat(ClientOptions.parse("--tls").port()).isEqualTo(7778);
	}

	@Test
	void readsEveryOption() {
		ClientOptions options = ClientOptions.parse("--host", "chat.example", "--port", "9000", "--tls", "--user",
				"alice", "--cert", "server.pem");
		assertThat(options).isEqualTo(new ClientOptions("chat.example", 9000, true, "alice", Path.of("server.pem"),
				null, false));
		assertThat(ClientOptions.parse("--tls", "--fingerprint", "AB:".repeat(31) + "AB").fingerprint())
			.isEqualTo("ab".repeat(32));
	}

	@Test
	void refusesNonsense() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.parse("--port", "http"))
			.withMessage("Not a port: http");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.parse("--port"))
			.withMessage("--port needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.parse("--insecure"))
			.withMessageContaining("only make sense with --tls");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.parse("--tls", "--insecure", "--cert", "x"))
			.withMessageContaining("Choose one");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.parse("--tls", "--fingerprint", "abc"))
			.withMessageContaining("64 hex digits");
		assertThatIllegalArgumentException().isThrownBy(() -> ClientOptions.parse("--colour"))
			.withMessage("Unknown option: --colour");
	}

}
