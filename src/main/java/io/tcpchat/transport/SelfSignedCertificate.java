package io.tcpchat.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.tcpchat.config.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleKey;
import org.springframework.boot.ssl.SslStoreBundle;

/**
 * The certificate served when TLS is on and no SSL bundle is configured: an EC P-256 key pair with a self-signed
 * certificate for {@code localhost}, {@code 127.0.0.1} and this host's name, valid for ten years, made once by
 * the JDK's {@code keytool} into {@code <data-dir>/tls/chat-selfsigned.p12} and reused on every start after.
 * Delete the file to get a new one (clients that pinned the old fingerprint will then refuse the server).
 */
final class SelfSignedCertificate {

	private static final Logger log = LoggerFactory.getLogger(SelfSignedCertificate.class);

	static final String FILE_NAME = "chat-selfsigned.p12";

	static final String ALIAS = "tcp-chat";

	/** Protects nothing (the file is readable only by its owner); PKCS12 files just need one. */
	static final String PASSWORD = "tcp-chat-self-signed";

	private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");

	private SelfSignedCertificate() {
	}

	static Path file(Path dataDir) {
		return dataDir.resolve("tls").resolve(FILE_NAME);
	}

	static SslBundle loadOrCreate(Path dataDir) {
		Path file = file(dataDir);
		try {
			if (!Files.exists(file)) {
				create(file);
			}
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(file)) {
				keyStore.load(in, PASSWORD.toCharArray());
			}
			return SslBundle.of(SslStoreBundle.of(keyStore, PASSWORD, null), SslBundleKey.of(PASSWORD, ALIAS));
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot create or read the self-signed TLS certificate " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		DataDirectory.createOwnerOnly(file.getParent());
		Path partial = file.resolveSibling(FILE_NAME + ".partial");
		Files.deleteIfExists(partial);
		run(List.of(keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
				"-sigalg", "SHA256withECDSA", "-validity", "3650", "-dname", "CN=" + commonName(), "-ext",
				"SAN=" + subjectAlternativeNames(), "-storetype", "PKCS12", "-keystore", partial.toString(),
				"-storepass", PASSWORD, "-keypass", PASSWORD));
		DataDirectory.restrictToOwner(partial);
		Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
		log.info("Generated a self-signed TLS certificate in {}", file);
	}

	private static String keytool() {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		return Files.isExecutable(keytool) ? keytool.toString() : "keytool";
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output;
			try (InputStream in = process.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("keytool failed: " + output.trim());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while running keytool", ex);
		}
		finally {
			process.destroy();
		}
	}

	private static String commonName() {
		String host = hostName();
		return (host != null) ? host : "localhost";
	}

	private static String subjectAlternativeNames() {
		List<String> names = new ArrayList<>(List.of("DNS:localhost", "IP:127.0.0.1", "IP:::1"));
		String host = hostName();
		if (host != null && !host.equalsIgnoreCase("localhost")) {
			names.add("DNS:" + host);
		}
		return String.join(",", names);
	}

	/** This host's name if it is usable in a certificate, else null. */
	private static String hostName() {
		try {
			String host = InetAddress.getLocalHost().getHostName();
			return HOST_NAME.matcher(host).matches() ? host : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
