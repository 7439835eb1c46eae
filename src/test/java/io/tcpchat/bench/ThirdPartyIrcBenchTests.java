package io.tcpchat.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bench --external-irc} against ngIRCd from Debian's package, started with the comparison's own config
 * ({@code bench/irc/ngircd.conf}) as {@code bench/irc/compare.sh} starts it: a tiny load proves that the generator
 * speaks plain IRC and that the config lets it through. Skipped where ngIRCd is missing, except in CI
 * ({@code .ci/run} installs it).
 */
class ThirdPartyIrcBenchTests {

	private static final Path NGIRCD = Path.of("/usr/sbin/ngircd");

	@Test
	void theSmokeScenarioRunsAgainstNgircdWithNoAccounts() throws Exception {
		assumeInstalled();
		Path dir = Files.createTempDirectory("ngircd-bench");
		int port = freePort();
		String config = Files.readString(Path.of("bench/irc/ngircd.conf"))
			.replace("@PORT@", String.valueOf(port))
			.replace("@DIR@", dir.toString());
		Files.writeString(dir.resolve("ngircd.conf"), config);
		Process ngircd = new ProcessBuilder(NGIRCD.toString(), "--nodaemon", "--config",
				dir.resolve("ngircd.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("server.log").toFile())
			.start();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> accepts(port));
			// fewer logins in flight than ngIRCd's listen backlog (10), as compare.sh does
			BenchRun run = BenchRun.of("smoke", "--external-irc", "--port", String.valueOf(port), "--server-pid",
					String.valueOf(ngircd.pid()), "--connect-concurrency", "8", "--quiet");

			JsonNode report = run.report();
			assertThat(report.path("settings").path("externalIrcServer").asBoolean()).isTrue();
			assertThat(report.has("prepare")).isFalse();
			assertThat(report.path("connect").path("loggedIn").asInt()).isEqualTo(20);
			// two channels of ten: every message reaches the nine others (ngIRCd has no echo-message)
			run.assertDeliveredWithoutErrors(5);
			assertThat(report.path("traffic").path("deliveryLatencyMs").path("count").asLong()).isPositive();
			assertThat(report.path("traffic").path("server").has("cpuCores")).isTrue();
		}
		finally {
			ngircd.destroy();
			ngircd.waitFor();
		}
	}

	private static void assumeInstalled() {
		if (Files.isExecutable(NGIRCD)) {
			return;
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("ngircd is required in CI for the IRC comparison's test");
		}
		Assumptions.abort("ngircd is not installed: skipping the test of bench --external-irc");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
