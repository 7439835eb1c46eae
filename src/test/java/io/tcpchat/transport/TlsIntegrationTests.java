package io.tcpchat.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The TLS listener with no SSL bundle configured: it serves a generated self-signed certificate, next to the
 * plain listener, to the same chat.
 */
@TestPropertySource(properties = { "chat.tls.enabled=true", "chat.tls.port=0", "chat.limits.login-timeout=3s",
		"chat.limits.send-queue-bytes=64KB" })
class TlsIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private ChatProperties properties;

	@Autowired
	private MeterRegistry meters;

	private final List<AutoCloseable> opened = new ArrayList<>();

	@BeforeEach
	void awaitTlsListening() {
		await().until(() -> this.listeners.port("tls") > 0);
	}

	@AfterEach
	void closeOpened() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		this.opened.clear();
	}

	@Test
	void tlsAndPlainUsersChatTogether() throws Exception {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		ChatClient overTls = tlsClient().register(alice, PASSWORD);
		ChatClient plain = newUser(bob);

		overTls.send("hello from tls");
		JsonNode received = plain.expect("message", (m) -> m.path("from").asString().equals(alice));
		assertThat(received.path("text").asString()).isEqualTo("hello from tls");
		plain.send("hello from plain");
		JsonNode answer = overTls.expect("message", (m) -> m.path("from").asString().equals(bob));
		assertThat(answer.path("text").asString()).isEqualTo("hello from plain");
		assertThat(overTls.command("//users").path("data").path("users").valueStream().map(JsonNode::asString))
			.contains(alice, bob);
	}

	@Test
	void handshakeServesTheGeneratedCertificateOverTls13ByDefault() throws Exception {
		X509Certificate generated = generatedCertificate();
		SSLSocket socket = TestCertificates.connect(this.listeners.port("tls"), generated);
		this.opened.add(socket);

		assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
		assertThat(socket.getSession().getPeerCertificates()[0]).isEqualTo(generated);
		ChatClient client = new ChatClient(socket);
		this.opened.add(client);
		client.json();
		assertThat(client.command("//help").path("data").path("commands").size()).isGreaterThan(5);
	}

	@Test
	void repliesToLinesSentBeforeAHalfCloseAreWritten() throws Exception {
		SSLSocket socket = TestCertificates.connect(this.listeners.port("tls"), generatedCertificate());
		ChatClient client = new ChatClient(socket);
		this.opened.add(client);
		client.send("//format json").send("//help");
		socket.shutdownOutput();

		JsonNode help = client.expectReply("help");
		assertThat(help.path("data").path("commands").size()).isGreaterThan(5);
		client.expectClosed();
	}

	@Test
	void tls12IsServed() throws Exception {
		SSLSocket socket = TestCertificates.connect(this.listeners.port("tls"), generatedCertificate(), "TLSv1.2");
		this.opened.add(socket);

		assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.2");
		ChatClient client = new ChatClient(socket);
		this.opened.add(client);
		String name = uniqueName("carol");
		client.register(name, PASSWORD);
		assertThat(client.command("//whoami").path("data").path("user").asString()).isEqualTo(name);
	}

	@Test
	void openSslClientChats() throws Exception {
		OpenSsl.assumeInstalled();
		Path caFile = Files.createTempFile("tcp-chat-ca", ".pem");
		Files.writeString(caFile, TestCertificates.pem(generatedCertificate()));
		OpenSsl client = OpenSsl.sClient(this.listeners.port("tls"), "-CAfile", caFile.toString(),
				"-verify_hostname", "localhost", "-verify_return_error");
		this.opened.add(client);

		client.send("//format json");
		client.send("//register " + uniqueName("dave") + " " + PASSWORD);
		String loggedIn = client.expectLine((line) -> line.contains("\"type\":\"logged-in\""));
		assertThat(ChatClient.parse(loggedIn).path("channel").asString()).isEqualTo("general");
	}

	@Test
	void tls11IsRefusedWithAnAlertAtOnce() throws Exception {
		OpenSsl.assumeInstalled();
		// security level 0: without it OpenSSL 3 itself refuses TLS 1.1, and the test would prove nothing
		String[] allowOld = { "-cipher", "DEFAULT:@SECLEVEL=0" };
		OpenSsl control = OpenSsl.sClient(this.listeners.port("tls"), concat(allowOld, "-tls1_2"));
		this.opened.add(control);
		assertThat(control.awaitExit()).as("TLS 1.2 with the same options: %s", control.output()).isZero();

		for (String old : new String[] { "-tls1_1", "-tls1" }) {
			OpenSsl client = OpenSsl.sClient(this.listeners.port("tls"), concat(allowOld, old));
			this.opened.add(client);
			// s_client's input stays open: only the server can end this, and it must not wait for the grace
			assertThat(client.awaitExitWithin(Duration.ofMillis(HalfCloseGrace.GRACE_MILLIS / 2))).as(old).isNotZero();
			assertThat(client.output()).as(old).contains("Cipher is (NONE)").contains("alert protocol version");
		}
	}

	@Test
	void tls12OffersOnlyAeadSuitesWithForwardSecrecy() throws Exception {
		OpenSsl.assumeInstalled();
		for (String weak : new String[] { "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA384",
				"ECDHE-ECDSA-AES128-SHA256" }) {
			OpenSsl client = OpenSsl.sClient(this.listeners.port("tls"), "-tls1_2", "-cipher", weak);
			this.opened.add(client);
			assertThat(client.awaitExit()).as(weak + ": " + client.output()).isNotZero();
			assertThat(client.output()).as(weak).contains("Cipher is (NONE)");
		}
		OpenSsl strong = OpenSsl.sClient(this.listeners.port("tls"), "-tls1_2");
		this.opened.add(strong);
		assertThat(strong.awaitExit()).as(strong.output()).isZero();
		assertThat(strong.output()).containsPattern("Cipher is ECDHE-ECDSA-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)");
		assertThat(ChatNioSslConnectionSupport.isModern("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256")).isFalse();
		assertThat(ChatNioSslConnectionSupport.isModern("TLS_RSA_WITH_AES_128_GCM_SHA256")).isFalse();
		assertThat(ChatNioSslConnectionSupport.isModern("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")).isTrue();
	}

	@Test
	void plainTextOnTheTlsPortIsClosedAtOnce() throws Exception {
		Socket socket = new Socket("127.0.0.1", this.listeners.port("tls"));
		this.opened.add(socket);
		socket.getOutputStream().write("//format json\n//help\n".getBytes(StandardCharsets.UTF_8));

		assertClosedWithin(socket, Duration.ofMillis(HalfCloseGrace.GRACE_MILLIS / 2));
	}

	@Test
	void aHandshakeThatNeverFinishesIsClosedByTheLoginTimeout() throws Exception {
		Socket socket = new Socket("127.0.0.1", this.listeners.port("tls"));
		this.opened.add(socket);
		// the first bytes of a TLS record header, then nothing
		socket.getOutputStream().write(new byte[] { 0x16, 0x03, 0x01 });

		long started = System.nanoTime();
		assertClosedWithin(socket, Duration.ofSeconds(15));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(2));
	}

	@Test
	void aTlsClientThatStopsReadingIsDroppedWithoutStallingOthers() throws Exception {
		double droppedBefore = slowDropped();
		SSLSocket slow = TestCertificates.connect(this.listeners.port("tls"), generatedCertificate(), 4096);
		this.opened.add(slow);
		ChatClient other = tlsClient().register(uniqueName("grace"), PASSWORD);
		StringBuilder lines = new StringBuilder("//register " + uniqueName("slow") + " " + PASSWORD + "\n");
		for (int i = 0; i < 3000; i++) {
			lines.append("//help\n");
		}
		slow.getOutputStream().write(lines.toString().getBytes(StandardCharsets.UTF_8));
		slow.getOutputStream().flush();

		for (int i = 0; i < 3; i++) {
			assertThat(other.command("//whoami").path("data").path("user").asString()).isNotEmpty();
		}
		// read only once the server has given up on it: reading earlier would let it keep up
		await().atMost(Duration.ofSeconds(30)).until(() -> slowDropped() > droppedBefore);
		long[] read = { 0 };
		assertClosedWithin(slow, Duration.ofSeconds(30), read);
		assertThat(read[0]).as("bytes read before the drop: what the socket buffers held, not all 3000 replies")
			.isLessThan(3000L * 1000);
	}

	private double slowDropped() {
		return this.meters.counter("chat.connections.slow-dropped").count();
	}

	@Test
	void theGeneratedCertificateIsReused() throws Exception {
		X509Certificate generated = generatedCertificate();

		X509Certificate reloaded = ServerCertificate
			.certificate(SelfSignedCertificate.loadOrCreate(this.properties.dataDir()));

		assertThat(reloaded).isEqualTo(generated);
	}

	private ChatClient tlsClient() throws Exception {
		SSLSocket socket = TestCertificates.connect(this.listeners.port("tls"), generatedCertificate());
		ChatClient client = new ChatClient(socket);
		this.opened.add(client);
		return client;
	}

	private X509Certificate generatedCertificate() throws Exception {
		return TestCertificates.generatedCertificate(this.properties.dataDir());
	}

	/** Reads (and ignores) whatever comes until the server closes; fails if it does not close in time. */
	static void assertClosedWithin(Socket socket, Duration limit) throws IOException {
		assertClosedWithin(socket, limit, new long[1]);
	}

	static void assertClosedWithin(Socket socket, Duration limit, long[] bytesRead) throws IOException {
		socket.setSoTimeout((int) limit.toMillis());
		InputStream in = socket.getInputStream();
		long deadline = System.nanoTime() + limit.toNanos();
		byte[] buffer = new byte[8192];
		try {
			int n;
			while ((n = in.read(buffer)) != -1) {
				bytesRead[0] += n;
				assertThat(System.nanoTime()).as("server closes the connection").isLessThan(deadline);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("The server did not close the connection within " + limit, ex);
		}
		catch (IOException ex) {
			// reset by the server: closed as well
		}
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	/** {@code openssl s_client} as a user would run it, fed through stdin, its output collected by line. */
	static final class OpenSsl implements AutoCloseable {

		private final Process process;

		private final OutputStream in;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final StringBuffer output = new StringBuffer();

		private final Thread reader;

		private OpenSsl(Process process) {
			this.process = process;
			this.in = process.getOutputStream();
			this.reader = new Thread(this::read, "openssl-output");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		static void assumeInstalled() {
			try {
				Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
				version.getInputStream().readAllBytes();
				org.junit.jupiter.api.Assumptions.assumeTrue(version.waitFor(10, TimeUnit.SECONDS)
						&& version.exitValue() == 0, "openssl is not installed");
			}
			catch (IOException | InterruptedException ex) {
				if ("true".equalsIgnoreCase(System.getenv("CI"))) {
					throw new IllegalStateException("openssl is required in CI", ex);
				}
				org.junit.jupiter.api.Assumptions.abort("openssl is not installed: " + ex.getMessage());
			}
		}

		static OpenSsl sClient(int port, String... options) throws IOException {
			List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
					"-servername", "localhost"));
			command.addAll(List.of(options));
			return new OpenSsl(new ProcessBuilder(command).redirectErrorStream(true).start());
		}

		private void read() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.output.append(line).append('\n');
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// process ended
			}
		}

		void send(String line) throws IOException {
			this.in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			this.in.flush();
		}

		String expectLine(java.util.function.Predicate<String> matcher) throws InterruptedException {
			long deadline = System.nanoTime() + ChatClient.TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
				if (line != null && matcher.test(line)) {
					return line;
				}
			}
			throw new AssertionError("openssl s_client printed no matching line; output:\n" + this.output);
		}

		/** Waits for the exit code with the input left open, so that only the server can end the connection. */
		int awaitExitWithin(Duration limit) throws InterruptedException {
			assertThat(this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)).as("openssl exits within %s: %s",
					limit, this.output).isTrue();
			this.reader.join(5000);
			return this.process.exitValue();
		}

		/** Ends the input (s_client then closes the connection) and waits for the exit code. */
		int awaitExit() throws IOException, InterruptedException {
			this.in.close();
			assertThat(this.process.waitFor(20, TimeUnit.SECONDS)).as("openssl exits").isTrue();
			this.reader.join(5000);
			return this.process.exitValue();
		}

		String output() {
			return this.output.toString();
		}

		@Override
		public void close() {
			this.process.destroy();
		}

	}

}
