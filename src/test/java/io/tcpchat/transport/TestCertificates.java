package io.tcpchat.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates and TLS sockets for the TLS tests, made with nothing but the JDK ({@code keytool} and
 * {@code java.security}).
 */
final class TestCertificates {

	private TestCertificates() {
	}

	/** The certificate in the self-signed key store the server generated into its data directory. */
	static X509Certificate generatedCertificate(Path dataDir) throws IOException, GeneralSecurityException {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(SelfSignedCertificate.file(dataDir))) {
			keyStore.load(in, SelfSignedCertificate.PASSWORD.toCharArray());
		}
		return (X509Certificate) keyStore.getCertificate(SelfSignedCertificate.ALIAS);
	}

	/** Writes a new self-signed certificate and its key as PEM files ({@code cert.pem}, {@code key.pem}). */
	static X509Certificate writePem(Path dir, String commonName) throws IOException, GeneralSecurityException,
			InterruptedException {
		Files.createDirectories(dir);
		Path store = Files.createTempFile(dir, "test", ".p12");
		Files.delete(store);
		Process keytool = new ProcessBuilder(List.of(
				Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias",
				"test", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=" + commonName,
				"-ext", "SAN=DNS:localhost,IP:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
				"-storepass", "changeit", "-keypass", "changeit"))
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(store)) {
			keyStore.load(in, "changeit".toCharArray());
		}
		Files.delete(store);
		X509Certificate certificate = (X509Certificate) keyStore.getCertificate("test");
		PrivateKey key = (PrivateKey) keyStore.getKey("test", "changeit".toCharArray());
		// key first: a watcher that reloads on the certificate's change then sees a matching pair
		write(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
		write(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
		return certificate;
	}

	static String pem(Certificate certificate) throws GeneralSecurityException {
		return pem("CERTIFICATE", certificate.getEncoded());
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static void write(Path file, String content) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		Files.writeString(partial, content);
		Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
				java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * A TLS socket to the server that trusts only {@code trusted} and checks that it is issued to
	 * {@code localhost}, handshake done.
	 */
	static SSLSocket connect(int port, X509Certificate trusted, String... protocols)
			throws IOException, GeneralSecurityException {
		return connect(port, trusted, 0, protocols);
	}

	/** As {@link #connect(int, X509Certificate, String...)}, with a small receive buffer if one is given. */
	static SSLSocket connect(int port, X509Certificate trusted, int receiveBufferBytes, String... protocols)
			throws IOException, GeneralSecurityException {
		Socket plain = new Socket();
		if (receiveBufferBytes > 0) {
			plain.setReceiveBufferSize(receiveBufferBytes);
		}
		plain.connect(new java.net.InetSocketAddress("127.0.0.1", port));
		return handshake(plain, trusted, protocols);
	}

	/** TLS over a connected socket (on which, for example, a PROXY header was sent first), handshake done. */
	static SSLSocket handshake(Socket plain, X509Certificate trusted, String... protocols)
			throws IOException, GeneralSecurityException {
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("server", trusted);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		SSLSocket socket = (SSLSocket) context.getSocketFactory()
			.createSocket(plain, "localhost", plain.getPort(), true);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		parameters.setServerNames(List.of(new SNIHostName("localhost")));
		if (protocols.length > 0) {
			parameters.setProtocols(protocols);
		}
		socket.setSSLParameters(parameters);
		socket.setSoTimeout(10_000);
		socket.startHandshake();
		socket.setSoTimeout(0);
		return socket;
	}

}
