package io.tcpchat.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;

import static org.awaitility.Awaitility.await;

/**
 * A program in a real terminal: a tmux session on its own server socket, typed into and read from the screen.
 */
public final class Tmux {

	private final String socket = "tcp-chat-e2e-" + UUID.randomUUID().toString().substring(0, 8);

	private static final Duration SCREEN = Duration.ofSeconds(90);

	/** Skips the test when tmux (or one of {@code tools}) is missing, except in CI, where that fails it. */
	public static void assumeInstalled(String... tools) {
		List<String> all = new ArrayList<>(List.of("tmux"));
		all.addAll(List.of(tools));
		for (String tool : all) {
			boolean installed;
			try {
				installed = new ProcessBuilder("sh", "-c", "command -v " + tool).redirectErrorStream(true)
					.start()
					.waitFor() == 0;
			}
			catch (IOException ex) {
				installed = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				installed = false;
			}
			if (!installed) {
				if ("true".equalsIgnoreCase(System.getenv("CI"))) {
					throw new IllegalStateException(tool + " is required in CI for the end-to-end tests in a terminal");
				}
				Assumptions.abort(tool + " is not installed: skipping this end-to-end test in a terminal");
			}
		}
	}

	public void start(String command) {
		run("new-session", "-d", "-s", "client", "-x", "120", "-y", "40",
				command + "; echo client exited with $?; sleep 600");
	}

	public Tmux type(String text) {
		run("send-keys", "-t", "client", "-l", text);
		return this;
	}

	public Tmux keys(String... keys) {
		List<String> args = new ArrayList<>(List.of("send-keys", "-t", "client"));
		args.addAll(List.of(keys));
		run(args.toArray(String[]::new));
		return this;
	}

	public String screen() {
		return run("capture-pane", "-p", "-t", "client", "-S", "-200");
	}

	public String lastLine() {
		List<String> lines = screen().lines().filter(line -> !line.isBlank()).toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1).stripTrailing();
	}

	public void awaitScreen(String text) {
		try {
			await().atMost(SCREEN).pollInterval(Duration.ofMillis(200)).until(() -> screen().contains(text));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The terminal never showed \"" + text + "\"; it shows:\n" + screen(), ex);
		}
	}

	public void kill() {
		try {
			run("kill-server");
		}
		catch (IllegalStateException ex) {
			// already gone
		}
	}

	private String run(String... args) {
		List<String> command = new ArrayList<>(List.of("tmux", "-L", this.socket));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("tmux " + String.join(" ", args) + " failed: " + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String quote(String arg) {
		return "'" + arg.replace("'", "'\\''") + "'";
	}

}
