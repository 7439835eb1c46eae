package io.tcpchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

/**
 * Entry point of the load generator: {@code java -jar tcp-chat.jar bench <scenario> ...}. Plain Java NIO, no
 * Spring: it must measure the server, not itself. Prints a table and the same report as JSON.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		BenchOptions options;
		try {
			if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
				out.print(BenchOptions.USAGE);
				return 0;
			}
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(ex.getMessage());
			err.print(BenchOptions.USAGE);
			return 2;
		}
		try {
			Map<String, Object> report = new ScenarioRunner(options, line -> {
				if (!options.quiet()) {
					err.println("[bench] " + line);
				}
			}).run();
			String json = BenchReport.json(report);
			out.println(BenchReport.table(report));
			out.println(json);
			if (options.jsonOut() != null) {
				Files.writeString(options.jsonOut(), json + "\n");
			}
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			err.println("Interrupted");
			return 1;
		}
		catch (Exception ex) {
			err.println("The run failed: " + ex);
			return 1;
		}
	}

}
