package io.tcpchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client's TLS choices against a real TLS listener with a self-signed certificate: each server writes one
 * line, which the client must be able to read through the verified connection.
 */
class ConnectorTests {

	private static TestCertificates certificates;

	private static ServerSocket server;

	private static String fingerprint;

	@BeforeAll
	static void start(@TempDir Path dir) throws Exception {
		certificates = TestCertificates.generate(dir);
		fingerprint = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(certificates.certificate().getEncoded()));
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(certificates.keyStore())) {
			store.load(in, certificates.password());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, certificates.password());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), null, null);
		server = (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(ConnectorTests::serve, "tls-test-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	private static void serve() {
		while (!server.isClosed()) {
			try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
				out.write("{\"type\":\"ping\",\"token\":\"tls\"}\n".getBytes(StandardCharsets.UTF_8));
				out.flush();
				socket.getInputStream().read();
			}
			catch (IOException ex) {
				// a refused handshake, or the end of the test
			}
		}
	}

	@AfterAll
	static void stop() throws IOException {
		server.close();
	}

	private static ClientOptions options(String... trust) {
		String[] args = new String[4 + trust.length];
		System.arraycopy(new String[] { "--host", "127.0.0.1", "--port", String.valueOf(server.getLocalPort()) }, 0,
				args, 0, 4);
		System.arraycopy(trust, 0, args, 4, trust.length);
		return ClientOptions.parse(args);
	}

	private static String firstLine(Socket socket) throws IOException {
		try (socket) {
			StringBuilder line = new StringBuilder();
			InputStream in = socket.getInputStream();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				line.append((char) c);
			}
			return line.toString();
		}
	}

	@Test
	void pinnedFingerprintConnects() throws IOException {
		Socket socket = new Connector(options("--tls", "--fingerprint", PinnedCertificateTrustManager.display(fingerprint)))
			.open();
		assertThat(firstLine(socket)).contains("\"token\":\"tls\"");
	}

	@Test
	void wrongFingerprintIsRefusedWithTheActualOne() {
		assertThatExceptionOfType(Connector.TlsVerificationException.class)
			.isThrownBy(() -> new Connector(options("--tls", "--fingerprint", "ab".repeat(32))).open())
			.withMessageStartingWith("TLS: certificate pinning failed")
			.withMessageContaining(PinnedCertificateTrustManager.display(fingerprint));
	}

	@Test
	void trustedPemCertificateConnects() throws IOException {
		Socket socket = new Connector(options("--tls", "--cert", certificates.pem().toString())).open();
		assertThat(firstLine(socket)).contains("\"token\":\"tls\"");
	}

	@Test
	void theSystemTrustStoreRefusesASelfSignedCertificateAndSaysWhatToDo() {
		assertThatExceptionOfType(Connector.TlsVerificationException.class)
			.isThrownBy(() -> new Connector(options("--tls")).open())
			.withMessageContaining("could not be verified against the system trust store")
			.withMessageContaining("--fingerprint");
	}

	@Test
	void insecureSkipsVerification() throws IOException {
		Socket socket = new Connector(options("--tls", "--insecure")).open();
		assertThat(firstLine(socket)).contains("\"token\":\"tls\"");
	}

}
