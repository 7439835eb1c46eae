package io.tcpchat.transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ssl.SslBundle;

import static org.assertj.core.api.Assertions.assertThat;

class SelfSignedCertificateTests {

	@TempDir
	Path dataDir;

	@Test
	void isCreatedOnceForLocalhostAndReused() throws Exception {
		X509Certificate created = ServerCertificate.certificate(SelfSignedCertificate.loadOrCreate(this.dataDir));
		X509Certificate reused = ServerCertificate.certificate(SelfSignedCertificate.loadOrCreate(this.dataDir));

		assertThat(reused).isEqualTo(created);
		assertThat(created.getPublicKey().getAlgorithm()).isEqualTo("EC");
		assertThat(created.getNotAfter().toInstant()).isAfter(Instant.now().plus(3000, ChronoUnit.DAYS));
		List<String> names = created.getSubjectAlternativeNames()
			.stream()
			.map((name) -> name.get(1).toString())
			.toList();
		assertThat(names).contains("localhost", "127.0.0.1");
		Path file = SelfSignedCertificate.file(this.dataDir);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void fingerprintIsTheOneKeytoolShows() throws Exception {
		SslBundle bundle = SelfSignedCertificate.loadOrCreate(this.dataDir);
		String fingerprint = ServerCertificate.sha256Fingerprint(ServerCertificate.certificate(bundle));

		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-list", "-v", "-keystore", SelfSignedCertificate.file(this.dataDir).toString(), "-storepass",
				SelfSignedCertificate.PASSWORD)
			.redirectErrorStream(true)
			.start();
		String listing = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
		assertThat(listing).contains("SHA256: " + fingerprint);
	}

}
