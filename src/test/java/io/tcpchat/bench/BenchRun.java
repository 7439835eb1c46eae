package io.tcpchat.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator run in this JVM for a test: it must succeed (else its error output is the failure), and its
 * printed table and JSON report are returned.
 * @param table what it printed before the JSON report
 */
record BenchRun(String table, JsonNode report) {

	static BenchRun of(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = BenchMain.run(args, print(out), print(err));
		String output = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
		int json = output.indexOf("\n{") + 1;
		return new BenchRun(output.substring(0, json), JsonMapper.builder().build().readTree(output.substring(json)));
	}

	/** Every accepted message reached at least {@code perMessage} clients, nothing went wrong, nothing is owed. */
	void assertDeliveredWithoutErrors(int perMessage) {
		JsonNode traffic = this.report.path("traffic");
		assertThat(traffic.path("accepted").asLong()).isPositive();
		assertThat(traffic.path("delivered").asLong())
			.isGreaterThanOrEqualTo(perMessage * traffic.path("accepted").asLong());
		assertThat(this.report.path("errors").isEmpty()).as(this.report.path("errors").toString()).isTrue();
		assertThat(this.report.path("unacknowledgedAtEnd").asLong()).isZero();
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

}
