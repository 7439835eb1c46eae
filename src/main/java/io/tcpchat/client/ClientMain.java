package io.tcpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entry point of the terminal client: {@code java -jar tcp-chat.jar client --host H --port P (--tls) (--user U)}.
 * Plain Java: no Spring, no server code, only the protocol's event model.
 */
public final class ClientMain {

	private ClientMain() {
	}

	public static int run(String[] args) {
		ClientOptions options;
		Connector connector;
		try {
			if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
				System.out.println(ClientOptions.USAGE);
				return 0;
			}
			options = ClientOptions.parse(args);
			connector = new Connector(options);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(ClientOptions.USAGE);
			return 2;
		}
		if (options.insecure()) {
			System.err.println("WARNING: --insecure: the server's certificate is not verified; anyone in between "
					+ "can read and change what you send, including your password.");
		}
		// JLine reports which terminal provider it could not load on this JVM; that is noise for users
		Logger.getLogger("org.jline").setLevel(Level.SEVERE);
		try (Terminal terminal = TerminalBuilder.builder().system(true).name("tcp-chat").build()) {
			return new TerminalClient(terminal, options, connector, Clock.systemDefaultZone(), System.getenv())
				.run();
		}
		catch (IOException ex) {
			System.err.println("Cannot open the terminal: " + ex.getMessage());
			return 1;
		}
	}

}
