package io.tcpchat.transport;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.SslBundles;

/**
 * Finds the SSL bundle the TLS listener serves ({@code chat.tls.bundle}, from the standard
 * {@code spring.ssl.bundle.*} properties), or registers the {@link SelfSignedCertificate} under that name when
 * there is none, and logs what is served so that users can check or pin it.
 */
final class ServerCertificate {

	private static final Logger log = LoggerFactory.getLogger(ServerCertificate.class);

	private ServerCertificate() {
	}

	static SslBundle bundle(String name, SslBundles bundles, SslBundleRegistry registry, Path dataDir) {
		if (bundles.getBundleNames().contains(name)) {
			SslBundle bundle = bundles.getBundle(name);
			describe("SSL bundle '" + name + "'", bundle);
			return bundle;
		}
		SslBundle selfSigned = SelfSignedCertificate.loadOrCreate(dataDir);
		registry.registerBundle(name, selfSigned);
		X509Certificate certificate = certificate(selfSigned);
		log.warn("TLS: no SSL bundle '{}' is configured (spring.ssl.bundle.*.{}), so the listener serves the "
				+ "self-signed certificate {}. Clients should pin its fingerprint: SHA-256 {}", name, name,
				SelfSignedCertificate.file(dataDir), sha256Fingerprint(certificate));
		return selfSigned;
	}

	static void describe(String source, SslBundle bundle) {
		X509Certificate certificate = certificate(bundle);
		log.info("TLS: serving {}: subject '{}', valid until {}, SHA-256 fingerprint {}", source,
				certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
				sha256Fingerprint(certificate));
	}

	/** The certificate of the bundle's key (the one named by its key alias, else the first key entry). */
	static X509Certificate certificate(SslBundle bundle) {
		KeyStore keyStore = bundle.getStores().getKeyStore();
		if (keyStore == null) {
			throw new IllegalStateException("The SSL bundle for the TLS listener has no key store");
		}
		try {
			String alias = bundle.getKey().getAlias();
			if (alias == null) {
				alias = Collections.list(keyStore.aliases())
					.stream()
					.filter((candidate) -> isKeyEntry(keyStore, candidate))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("The SSL bundle's key store holds no key"));
			}
			Certificate certificate = keyStore.getCertificate(alias);
			if (!(certificate instanceof X509Certificate x509)) {
				throw new IllegalStateException("The SSL bundle's key '" + alias + "' has no X.509 certificate");
			}
			return x509;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the SSL bundle's key store", ex);
		}
	}

	/** Upper-case hex pairs joined by colons, as {@code openssl x509 -fingerprint -sha256} prints it. */
	static String sha256Fingerprint(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean isKeyEntry(KeyStore keyStore, String alias) {
		try {
			return keyStore.isKeyEntry(alias);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

}
