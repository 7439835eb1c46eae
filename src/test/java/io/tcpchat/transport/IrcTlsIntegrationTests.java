package io.tcpchat.transport;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.IrcTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IRC inside TLS ({@code chat.irc.tls-port} with {@code chat.tls.enabled}): the TLS listener's certificate, the same
 * chat. The same settings as TlsIntegrationTests, so both share one server.
 */
@TestPropertySource(properties = { "chat.tls.enabled=true", "chat.tls.port=0", "chat.limits.login-timeout=3s",
		"chat.limits.send-queue-bytes=64KB" })
class IrcTlsIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private ChatProperties properties;

	private IrcTestClient irc;

	@AfterEach
	void close() {
		if (this.irc != null) {
			this.irc.close();
		}
	}

	@Test
	void ircOverTlsServesTheGeneratedCertificateAndChatsWithPlainUsers() throws Exception {
		await().until(() -> this.listeners.port("irc-tls") > 0);
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		newUser(alice).close();
		this.irc = new IrcTestClient(TestCertificates.connect(this.listeners.port("irc-tls"),
				TestCertificates.generatedCertificate(this.properties.dataDir())));

		this.irc.register(alice, PASSWORD);
		newUser(bob).send("hello tls irc");

		assertThat(this.irc.expectCommand("PRIVMSG", "hello tls irc")).startsWith(":" + bob + "!");
	}

}
