package io.tcpchat.client;

import java.nio.file.Path;

/**
 * The command line of the terminal client.
 */
record ClientOptions(String host, int port, boolean tls, String user, Path cert, String fingerprint,
		boolean insecure) {

	static final String USAGE = """
			Usage: java -jar tcp-chat.jar client [--host H] [--port P] [--tls] [--user U]
			                                     [--cert FILE] [--fingerprint SHA256] [--insecure]
			  --host H             server host (default localhost)
			  --port P             chat port (default 7777, or 7778 with --tls)
			  --tls                connect with TLS, verified against the system trust store
			  --cert FILE          with --tls: trust this PEM certificate instead
			  --fingerprint HEX    with --tls: trust only a certificate with this SHA-256 fingerprint
			  --insecure           with --tls: do not verify the certificate at all (not recommended)
			  --user U             log in as U: only the password is asked
			Inside: //help lists the server's commands, Tab completes, //quit or Ctrl-D leaves.""";

	static ClientOptions parse(String... args) {
		String host = "localhost";
		Integer port = null;
		boolean tls = false;
		String user = null;
		Path cert = null;
		String fingerprint = null;
		boolean insecure = false;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--host" -> host = value(args, ++i, arg);
				case "--port" -> port = parsePort(value(args, ++i, arg));
				case "--tls" -> tls = true;
				case "--user" -> user = value(args, ++i, arg);
				case "--cert" -> cert = Path.of(value(args, ++i, arg));
				case "--fingerprint" -> fingerprint = value(args, ++i, arg);
				case "--insecure" -> insecure = true;
				default -> throw new IllegalArgumentException("Unknown option: " + arg);
			}
		}
		boolean trustOptions = cert != null || fingerprint != null || insecure;
		if (trustOptions && !tls) {
			throw new IllegalArgumentException("--cert, --fingerprint and --insecure only make sense with --tls");
		}
		if ((cert != null ? 1 : 0) + (fingerprint != null ? 1 : 0) + (insecure ? 1 : 0) > 1) {
			throw new IllegalArgumentException("Choose one of --cert, --fingerprint and --insecure");
		}
		if (fingerprint != null) {
			fingerprint = PinnedCertificateTrustManager.normalize(fingerprint);
		}
		return new ClientOptions(host, (port != null) ? port : (tls ? 7778 : 7777), tls, user, cert, fingerprint,
				insecure);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length || args[index].startsWith("--")) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	private static int parsePort(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Not a port: " + value);
		}
	}

	String address() {
		return this.host + ":" + this.port + (this.tls ? " (TLS)" : "");
	}

}
