package io.tcpchat.bench;

import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the load generator works: a tiny scenario against the real server of the test suite (in this JVM), with
 * every part of the report filled in. It measures nothing worth keeping; benchmarks never run in the build.
 */
class BenchSmokeTests extends ChatIntegrationTest {

	@Test
	void tinyScenarioDeliversMessagesAndReportsEveryFigure() {
		BenchRun run = BenchRun.of("smoke", "--port", String.valueOf(port()), "--server-pid", "self", "--user-prefix",
				uniqueName("bench"), "--password", PASSWORD, "--quiet");

		assertThat(run.table()).contains("traffic.deliveriesPerSecond", "traffic.deliveryLatencyMs.p99");
		JsonNode report = run.report();
		assertThat(report.path("scenario").asString()).isEqualTo("smoke");
		assertThat(report.path("prepare").path("accounts").asInt()).isEqualTo(20);
		assertThat(report.path("connect").path("loggedIn").asInt()).isEqualTo(20);
		assertThat(report.path("connect").path("loginsPerSecond").asDouble()).isPositive();
		// two channels of ten members: every accepted message reaches about ten clients
		run.assertDeliveredWithoutErrors(5);
		JsonNode traffic = report.path("traffic");
		assertThat(traffic.path("deliveriesPerSecond").asDouble()).isPositive();
		for (String percentile : new String[] { "p50", "p99", "p999", "max" }) {
			assertThat(traffic.path("deliveryLatencyMs").has(percentile)).as(percentile).isTrue();
		}
		assertThat(traffic.path("deliveryLatencyMs").path("count").asLong()).isPositive();
		assertThat(traffic.path("server").path("heapUsedMaxMb").asLong()).isPositive();
		assertThat(traffic.path("server").has("cpuCores")).isTrue();
		assertThat(traffic.path("server").path("gcPauses").has("maxMs")).isTrue();
		assertThat(report.path("memory").has("heapPerConnectionBytes")).isTrue();
	}

	@Test
	void halfTheClientsOnTheWebSocketListenerChatWithTheOthers() {
		BenchRun run = BenchRun.of("smoke", "--port", String.valueOf(port()), "--http-port",
				String.valueOf(httpPort()), "--websocket", "0.5", "--user-prefix", uniqueName("wsbench"), "--password",
				PASSWORD, "--quiet");

		assertThat(run.report().path("settings").path("webSocketShare").asDouble()).isEqualTo(0.5);
		assertThat(run.report().path("connect").path("loggedIn").asInt()).isEqualTo(20);
		run.assertDeliveredWithoutErrors(5);
	}

	@Test
	void halfTheClientsOnTheIrcListenerChatWithTheOthers() {
		BenchRun run = BenchRun.of("smoke", "--port", String.valueOf(port()), "--irc-port", String.valueOf(ircPort()),
				"--irc", "0.5", "--user-prefix", uniqueName("ircbench"), "--password", PASSWORD, "--quiet");

		assertThat(run.report().path("settings").path("ircShare").asDouble()).isEqualTo(0.5);
		assertThat(run.report().path("connect").path("loggedIn").asInt()).isEqualTo(20);
		// IRC senders count their echo-message copies as acknowledgements, as the others their own messages
		run.assertDeliveredWithoutErrors(5);
	}

	@Test
	void aReconnectStormComesBackWithResumeTokensWhileTheBystanderChats() {
		JsonNode report = BenchRun.of("storm", "--port", String.valueOf(port()), "--clients", "20", "--rate", "4",
				"--user-prefix", uniqueName("storm"), "--password", PASSWORD, "--quiet").report();

		assertThat(report.path("passwordLogins").path("loggedIn").asInt()).isEqualTo(20);
		JsonNode storm = report.path("storm");
		assertThat(storm.path("back").asInt()).isEqualTo(19);
		assertThat(storm.path("byResumeToken").asInt()).isEqualTo(19);
		assertThat(storm.path("loginLatencyMs").path("count").asLong()).isEqualTo(19);
		assertThat(storm.path("bystander").has("latencyMs")).isTrue();
		assertThat(report.path("errors").isEmpty()).as(report.path("errors").toString()).isTrue();
	}

}
