package io.tcpchat;

import java.io.PrintStream;
import java.util.Arrays;

import io.tcpchat.bench.BenchMain;
import io.tcpchat.client.ClientMain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * One jar, three programs: the server (default), {@code client} (the terminal client) and {@code bench} (the load
 * generator). Client and bench start no server machinery, and neither do {@code --help} nor a mistyped command.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TcpChatApplication {

	static final String USAGE = """
			Usage: java -jar tcp-chat.jar [--property=value ...]      the chat server (e.g. --chat.tcp.port=7777)
			       java -jar tcp-chat.jar client [options]             the terminal client (client --help)
			       java -jar tcp-chat.jar bench <scenario> [options]   the load generator (bench --help)
			The server's properties are listed with their defaults in application.yml and the README.""";

	/** What {@link #route} answers when the server should start. */
	static final int START_SERVER = -1;

	public static void main(String[] args) throws Exception {
		int exitCode = route(args, System.out, System.err);
		if (exitCode != START_SERVER) {
			System.exit(exitCode);
		}
		SpringApplication application = new SpringApplication(TcpChatApplication.class);
		// before the listeners open: a SIGTERM that comes once clients can connect must exit cleanly too
		application.addInitializers(ShutdownSignals::install);
		application.run(args);
	}

	/**
	 * Runs the client, the load generator or the help, or tells the caller to start the server.
	 * @return the exit code, or {@link #START_SERVER}
	 */
	static int route(String[] args, PrintStream out, PrintStream err) {
		String mode = (args.length > 0) ? args[0] : "";
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (mode) {
			case "client":
				return ClientMain.run(rest);
			case "bench":
				return BenchMain.run(rest);
			case "--help", "-h", "help":
				out.println(USAGE);
				return 0;
			default:
				if (!mode.isEmpty() && !mode.startsWith("--")) {
					err.println("Unknown command: " + mode);
					err.println(USAGE);
					return 2;
				}
				return START_SERVER;
		}
	}

}
