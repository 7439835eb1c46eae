package io.tcpchat.session;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.tcpchat.connection.Format;
import io.tcpchat.protocol.ServerEvent;
import tools.jackson.databind.json.JsonMapper;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Outbound rendering of a channel message: JSON through Jackson's {@code writerFor(ServerEvent)}, and text.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventRendererBenchmark {

	private final EventRenderer renderer = new EventRenderer(JsonMapper.builder().build());

	private final ServerEvent.Message message = new ServerEvent.Message(123456789L,
			Instant.parse("2026-11-24T10:00:00.123Z"), "general", "alice", "#3366ff",
			"bench 123456789 42 7 " + "x".repeat(40));

	@Benchmark
	public byte[] json() {
		return this.renderer.render(this.message, Format.JSON);
	}

	@Benchmark
	public byte[] text() {
		return this.renderer.render(this.message, Format.TEXT);
	}

}
