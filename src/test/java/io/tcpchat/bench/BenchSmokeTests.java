package io.tcpchat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the load generator works: a tiny scenario against the real server of the test suite (in this JVM), with
 * every part of the report filled in. It measures nothing worth keeping; benchmarks never run in the build.
 */
class BenchSmokeTests extends ChatIntegrationTest {

	@Test
	void tinyScenarioDeliversMessagesAndReportsEveryFigure() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		String prefix = uniqueName("bench");

		int exit = BenchMain.run(new String[] { "smoke", "--port", String.valueOf(port()), "--server-pid", "self",
				"--user-prefix", prefix, "--password", PASSWORD, "--quiet" }, print(out), print(err));

		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(output).contains("traffic.deliveriesPerSecond", "traffic.deliveryLatencyMs.p99");
		JsonNode report = JsonMapper.builder().build().readTree(output.substring(output.indexOf("\n{") + 1));
		assertThat(report.path("scenario").asString()).isEqualTo("smoke");
		assertThat(report.path("prepare").path("accounts").asInt()).isEqualTo(20);
		assertThat(report.path("connect").path("loggedIn").asInt()).isEqualTo(20);
		assertThat(report.path("connect").path("loginsPerSecond").asDouble()).isPositive();
		JsonNode traffic = report.path("traffic");
		assertThat(traffic.path("accepted").asLong()).isPositive();
		// two channels of ten members: every accepted message reaches about ten clients
		assertThat(traffic.path("delivered").asLong()).isGreaterThanOrEqualTo(5 * traffic.path("accepted").asLong());
		assertThat(traffic.path("deliveriesPerSecond").asDouble()).isPositive();
		for (String percentile : new String[] { "p50", "p99", "p999", "max" }) {
			assertThat(traffic.path("deliveryLatencyMs").has(percentile)).as(percentile).isTrue();
		}
		assertThat(traffic.path("deliveryLatencyMs").path("count").asLong()).isPositive();
		assertThat(traffic.path("server").path("heapUsedMaxMb").asLong()).isPositive();
		assertThat(traffic.path("server").has("cpuCores")).isTrue();
		assertThat(traffic.path("server").path("gcPauses").has("maxMs")).isTrue();
		assertThat(report.path("memory").has("heapPerConnectionBytes")).isTrue();
		assertThat(report.path("errors").isEmpty()).as(report.path("errors").toString()).isTrue();
		assertThat(report.path("unacknowledgedAtEnd").asLong()).isZero();
	}

	@Test
	void halfTheClientsOnTheWebSocketListenerChatWithTheOthers() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = BenchMain.run(new String[] { "smoke", "--port", String.valueOf(port()), "--http-port",
				String.valueOf(httpPort()), "--websocket", "0.5", "--user-prefix", uniqueName("wsbench"), "--password",
				PASSWORD, "--quiet" }, print(out), print(err));

		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(output.substring(output.indexOf("\n{") + 1));
		assertThat(report.path("settings").path("webSocketShare").asDouble()).isEqualTo(0.5);
		assertThat(report.path("connect").path("loggedIn").asInt()).isEqualTo(20);
		JsonNode traffic = report.path("traffic");
		assertThat(traffic.path("delivered").asLong()).isGreaterThanOrEqualTo(5 * traffic.path("accepted").asLong());
		assertThat(report.path("errors").isEmpty()).as(report.path("errors").toString()).isTrue();
		assertThat(report.path("unacknowledgedAtEnd").asLong()).isZero();
	}

	@Test
	void halfTheClientsOnTheIrcListenerChatWithTheOthers() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = BenchMain.run(new String[] { "smoke", "--port", String.valueOf(port()), "--irc-port",
				String.valueOf(ircPort()), "--irc", "0.5", "--user-prefix", uniqueName("ircbench"), "--password",
				PASSWORD, "--quiet" }, print(out), print(err));

		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(output.substring(output.indexOf("\n{") + 1));
		assertThat(report.path("settings").path("ircShare").asDouble()).isEqualTo(0.5);
		assertThat(report.path("connect").path("loggedIn").asInt()).isEqualTo(20);
		JsonNode traffic = report.path("traffic");
		// IRC senders count their echo-message copies as acknowledgements, like the others their own messages
		assertThat(traffic.path("accepted").asLong()).isPositive();
		assertThat(traffic.path("delivered").asLong()).isGreaterThanOrEqualTo(5 * traffic.path("accepted").asLong());
		assertThat(report.path("errors").isEmpty()).as(report.path("errors").toString()).isTrue();
		assertThat(report.path("unacknowledgedAtEnd").asLong()).isZero();
	}

	@Test
	void aReconnectStormComesBackWithResumeTokensWhileTheBystanderChats() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = BenchMain.run(new String[] { "storm", "--port", String.valueOf(port()), "--clients", "20",
				"--rate", "4", "--user-prefix", uniqueName("storm"), "--password", PASSWORD, "--quiet" }, print(out),
				print(err));

		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(output.substring(output.indexOf("\n{") + 1));
		assertThat(report.path("passwordLogins").path("loggedIn").asInt()).isEqualTo(20);
		JsonNode storm = report.path("storm");
		assertThat(storm.path("back").asInt()).isEqualTo(19);
		assertThat(storm.path("byResumeToken").asInt()).isEqualTo(19);
		assertThat(storm.path("loginLatencyMs").path("count").asLong()).isEqualTo(19);
		assertThat(storm.path("bystander").has("latencyMs")).isTrue();
		assertThat(report.path("errors").isEmpty()).as(report.path("errors").toString()).isTrue();
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

}
