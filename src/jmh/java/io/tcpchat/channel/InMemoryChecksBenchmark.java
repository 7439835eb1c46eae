package io.tcpchat.channel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.tcpchat.cache.InvalidatedCache;
import io.tcpchat.event.ChatEvent;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The checks a channel message and a DM now make in memory instead of two SELECTs: the membership check in the
 * channel directory, the look-up of a DM's recipient in a cache of the user directory's kind, and the cost of
 * applying a join's event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InMemoryChecksBenchmark {

	@Param({ "1000", "10000" })
	public int channels;

	private final ChannelDirectory directory = new ChannelDirectory();

	private final InvalidatedCache<String, Optional<String>> users = new InvalidatedCache<>(100_000);

	private long joins;

	@Setup
	public void setUp() {
		List<ChannelDirectory.Entry> entries = new ArrayList<>();
		for (int c = 0; c < this.channels; c++) {
			ChannelDirectory.Entry entry = new ChannelDirectory.Entry(c + 1, "room" + c, c % 10 == 0, (long) c);
			for (long member = 0; member < 10; member++) {
				entry.members.add(c * 10 + member);
			}
			entries.add(entry);
		}
		this.directory.load(entries);
		for (int u = 0; u < 10_000; u++) {
			this.users.get("user" + u, Optional::of);
		}
	}

	@Benchmark
	public boolean membershipCheck() {
		return this.directory.isMember("room" + (this.channels / 2), this.channels / 2 * 10L + 3);
	}

	@Benchmark
	public Optional<String> recipientLookup() {
		return this.users.get("user4242", Optional::of);
	}

	@Benchmark
	public Set<String> channelsOfAUser() {
		return new HashSet<>(this.directory.channelsOf(42));
	}

	@Benchmark
	public boolean joinAndLeaveEvents() {
		long user = 1_000_000 + (this.joins++ % 1000);
		this.directory.onEvent(new ChatEvent.MemberJoined("room1", user, "u"));
		this.directory.onEvent(new ChatEvent.MemberLeft("room1", user, "u"));
		return this.directory.isMember("room1", user);
	}

}
