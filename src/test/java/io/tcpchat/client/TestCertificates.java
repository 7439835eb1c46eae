package io.tcpchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed server certificate made with the JDK's keytool, as a PKCS#12 key store and as a PEM file.
 */
record TestCertificates(Path keyStore, char[] password, Path pem, X509Certificate certificate) {

	static TestCertificates generate(Path dir) throws Exception {
		Path keyStore = dir.resolve("server.p12");
		Path pem = dir.resolve("server.pem");
		char[] password = "changeit".toCharArray();
		keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
				"-keystore", keyStore.toString(), "-storepass", "changeit");
		keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass",
				"changeit", "-file", pem.toString());
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keyStore)) {
			store.load(in, password);
		}
		return new TestCertificates(keyStore, password, pem, (X509Certificate) store.getCertificate("server"));
	}

	private static void keytool(String... args) throws IOException, InterruptedException {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

}
