package io.tcpchat.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Opens the socket to the server: plain TCP, or TLS verified in the way the options ask for.
 */
final class Connector {

	private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

	private final ClientOptions options;

	private final SSLSocketFactory tls;

	Connector(ClientOptions options) {
		this.options = options;
		this.tls = options.tls() ? tlsFactory(options) : null;
	}

	Socket open() throws IOException {
		Socket socket = new Socket();
		try {
			socket.connect(new InetSocketAddress(this.options.host(), this.options.port()), CONNECT_TIMEOUT_MILLIS);
			socket.setTcpNoDelay(true);
			socket.setKeepAlive(true);
			if (this.tls == null) {
				return socket;
			}
			SSLSocket ssl = (SSLSocket) this.tls.createSocket(socket, this.options.host(), this.options.port(), true);
			if (this.options.cert() == null && this.options.fingerprint() == null && !this.options.insecure()) {
				SSLParameters parameters = ssl.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				ssl.setSSLParameters(parameters);
			}
			try {
				ssl.startHandshake();
			}
			catch (SSLHandshakeException ex) {
				throw new TlsVerificationException(explain(ex), ex);
			}
			return ssl;
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	private String explain(SSLHandshakeException ex) {
		String reason = rootMessage(ex);
		if (this.options.fingerprint() != null) {
			return "TLS: certificate pinning failed: " + reason;
		}
		if (this.options.cert() != null) {
			return "TLS: the server's certificate is not the one in " + this.options.cert() + " (" + reason + ")";
		}
		return "TLS: the server's certificate could not be verified against the system trust store (" + reason
				+ "). For a self-signed server use --fingerprint <SHA-256 from the server log> or --cert <PEM file>.";
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage();
	}

	static SSLSocketFactory tlsFactory(ClientOptions options) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers(options), null);
			return context.getSocketFactory();
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalArgumentException("TLS setup failed: " + ex.getMessage(), ex);
		}
	}

	private static TrustManager[] trustManagers(ClientOptions options) throws GeneralSecurityException, IOException {
		if (options.fingerprint() != null) {
			return new TrustManager[] { new PinnedCertificateTrustManager(options.fingerprint()) };
		}
		if (options.insecure()) {
			return new TrustManager[] { new TrustEverything() };
		}
		if (options.cert() != null) {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(trustStoreOf(options));
			return factory.getTrustManagers();
		}
		return null;
	}

	private static KeyStore trustStoreOf(ClientOptions options) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		Collection<? extends Certificate> certificates;
		try (InputStream in = Files.newInputStream(options.cert())) {
			certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
		}
		if (certificates.isEmpty()) {
			throw new IllegalArgumentException("No certificate in " + options.cert());
		}
		int i = 0;
		for (Certificate certificate : certificates) {
			store.setCertificateEntry("trusted-" + i++, certificate);
		}
		return store;
	}

	/** A verification failure: reconnecting will not help. */
	static final class TlsVerificationException extends IOException {

		TlsVerificationException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	private static final class TrustEverything implements X509TrustManager {

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
			// --insecure: the user chose not to verify
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

}
