package io.tcpchat.event;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The fan-out partitioner: choosing the lane of a channel or of a DM recipient.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OrderedLanesBenchmark {

	private OrderedLanes lanes;

	private final String[] channels = new String[1000];

	private final Long[] recipients = new Long[1000];

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.lanes = new OrderedLanes("bench-deliver", Math.max(2, Runtime.getRuntime().availableProcessors()));
		for (int i = 0; i < this.channels.length; i++) {
			this.channels[i] = "channel-" + i;
			this.recipients[i] = (long) i * 7919;
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.lanes.close();
	}

	@Benchmark
	public int laneOfChannel() {
		this.next = (this.next + 1) % this.channels.length;
		return this.lanes.laneOf(this.channels[this.next]);
	}

	@Benchmark
	public int laneOfRecipient() {
		this.next = (this.next + 1) % this.recipients.length;
		return this.lanes.laneOf(this.recipients[this.next]);
	}

}
