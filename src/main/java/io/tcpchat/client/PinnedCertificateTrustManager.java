package io.tcpchat.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, recognised by the SHA-256 fingerprint of its DER encoding: the
 * fingerprint a tcp-chat server logs for its self-signed certificate.
 */
final class PinnedCertificateTrustManager implements X509TrustManager {

	private final String fingerprint;

	PinnedCertificateTrustManager(String fingerprint) {
		this.fingerprint = normalize(fingerprint);
	}

	/** Hex digits only, lower case: accepts {@code AB:CD:...}, {@code ab cd ...} and {@code abcd...}. */
	static String normalize(String fingerprint) {
		String hex = fingerprint.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
		if (hex.startsWith("sha256")) {
			hex = hex.substring("sha256".length()).replaceFirst("^[=/]", "");
		}
		if (!hex.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("A SHA-256 fingerprint has 64 hex digits (colons allowed): " + fingerprint);
		}
		return hex;
	}

	static String fingerprintOf(X509Certificate certificate) throws CertificateEncodingException {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	static String display(String hex) {
		return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		if (chain == null || chain.length == 0) {
			throw new CertificateException("The server presented no certificate");
		}
		String actual = fingerprintOf(chain[0]);
		if (!MessageDigest.isEqual(actual.getBytes(), this.fingerprint.getBytes())) {
			throw new CertificateException("The server's certificate has SHA-256 fingerprint " + display(actual)
					+ ", not the pinned " + display(this.fingerprint));
		}
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("This trust manager only checks servers");
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return new X509Certificate[0];
	}

}
