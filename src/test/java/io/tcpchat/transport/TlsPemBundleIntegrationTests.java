package io.tcpchat.transport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;

import javax.net.ssl.SSLSocket;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TLS listener serving a PEM certificate and key configured as the standard Spring Boot SSL bundle
 * {@code chat}, reloaded when the files change; the plain listener is off.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.tls.enabled=true", "chat.tls.port=0", "chat.tcp.enabled=false",
				"chat.tcp.bind-address=127.0.0.1", "chat.admin.password=admin-secret-1",
				"chat.security.bcrypt-strength=4", "spring.ssl.bundle.pem.chat.reload-on-update=true",
				"spring.ssl.bundle.watch.file.quiet-period=200ms" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Import(TestDatabase.DropWhenClosed.class)
class TlsPemBundleIntegrationTests {

	private static final String PASSWORD = ChatIntegrationTest.PASSWORD;

	private static Path pemDir;

	private static X509Certificate configured;

	@Autowired
	private ChatProperties properties;

	@Autowired
	private ChatListeners listeners;

	private ChatClient client;

	@DynamicPropertySource
	static void pemBundle(DynamicPropertyRegistry registry) throws Exception {
		TestDatabase.register(registry, Files.createTempDirectory("tcp-chat-it"));
		pemDir = Files.createTempDirectory("tcp-chat-pem");
		configured = TestCertificates.writePem(pemDir, "chat-test-first");
		registry.add("spring.ssl.bundle.pem.chat.keystore.certificate", () -> pemDir.resolve("cert.pem").toString());
		registry.add("spring.ssl.bundle.pem.chat.keystore.private-key", () -> pemDir.resolve("key.pem").toString());
	}

	@BeforeAll
	static void requireDatabase() {
		TestDatabase.assumeAvailable();
	}

	@BeforeEach
	void awaitListening() {
		await().until(() -> this.listeners.port("tls") > 0);
	}

	@AfterEach
	void closeClient() {
		if (this.client != null) {
			this.client.close();
		}
	}

	@Test
	@Order(1)
	void servesTheConfiguredCertificateAndNoPlainListener() throws Exception {
		SSLSocket socket = TestCertificates.connect(this.listeners.port("tls"), configured);
		this.client = new ChatClient(socket);

		assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(configured);
		String name = "erin_pem";
		this.client.register(name, PASSWORD);
		assertThat(this.client.command("//whoami").path("data").path("user").asString()).isEqualTo(name);
		assertThat(this.listeners.port("plain")).isEqualTo(-1);
		assertThat(SelfSignedCertificate.file(this.properties.dataDir())).doesNotExist();
	}

	@Test
	@Order(2)
	void servesTheNewCertificateOnceTheFilesChange() throws Exception {
		String name = "frank_pem";
		this.client = new ChatClient(TestCertificates.connect(this.listeners.port("tls"), configured))
			.register(name, PASSWORD);

		X509Certificate renewed = TestCertificates.writePem(pemDir, "chat-test-renewed");

		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.until(() -> servedTo(renewed).equals(renewed));
		assertThat(this.client.command("//whoami").path("data").path("user").asString())
			.as("a connection made before the reload keeps working")
			.isEqualTo(name);
	}

	private X509Certificate servedTo(X509Certificate trusted) throws Exception {
		try (SSLSocket socket = TestCertificates.connect(this.listeners.port("tls"), trusted)) {
			return (X509Certificate) socket.getSession().getPeerCertificates()[0];
		}
	}

}
