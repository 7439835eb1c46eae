package io.tcpchat.client;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PinnedCertificateTrustManagerTests {

	private static TestCertificates certificates;

	private static String fingerprint;

	@BeforeAll
	static void generate(@TempDir Path dir) throws Exception {
		certificates = TestCertificates.generate(dir);
		fingerprint = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(certificates.certificate().getEncoded()));
	}

	@Test
	void trustsTheCertificateWithThePinnedFingerprint() {
		PinnedCertificateTrustManager trust = new PinnedCertificateTrustManager(
				PinnedCertificateTrustManager.display(fingerprint));
		assertThatNoException()
			.isThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] { certificates.certificate() }, "EC"));
	}

	@Test
	void refusesAnyOtherCertificateAndSaysWhichItGot() {
		String other = "00".repeat(32);
		PinnedCertificateTrustManager trust = new PinnedCertificateTrustManager(other);
		assertThatExceptionOfType(CertificateException.class)
			.isThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] { certificates.certificate() }, "EC"))
			.withMessageContaining(PinnedCertificateTrustManager.display(fingerprint))
			.withMessageContaining("not the pinned 00:00");
		assertThatExceptionOfType(CertificateException.class)
			.isThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "EC"));
	}

	@Test
	void acceptsTheUsualWaysOfWritingAFingerprint() {
		String upperWithColons = PinnedCertificateTrustManager.display(fingerprint);
		assertThat(PinnedCertificateTrustManager.normalize(upperWithColons)).isEqualTo(fingerprint);
		assertThat(PinnedCertificateTrustManager.normalize("SHA256:" + fingerprint)).isEqualTo(fingerprint);
		assertThat(PinnedCertificateTrustManager.normalize(upperWithColons.replace(':', ' '))).isEqualTo(fingerprint);
		assertThatIllegalArgumentException().isThrownBy(() -> PinnedCertificateTrustManager.normalize("sha1:abcd"));
	}

}
