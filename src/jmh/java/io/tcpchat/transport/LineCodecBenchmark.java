package io.tcpchat.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.tcpchat.connection.InboundLine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inbound framing: one line from the bytes of a client to a cleaned {@link InboundLine}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LineCodecBenchmark {

	@Param({ "64", "1000" })
	int lineBytes;

	private final LineCodec codec = new LineCodec(4096);

	private ByteArrayInputStream input;

	@Setup
	public void setUp() {
		String text = "bench 123456789 42 7 " + "x".repeat(Math.max(0, this.lineBytes - 22));
		this.input = new ByteArrayInputStream((text + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	@Benchmark
	public InboundLine deserialize() throws IOException {
		this.input.reset();
		return this.codec.deserialize(this.input);
	}

}
