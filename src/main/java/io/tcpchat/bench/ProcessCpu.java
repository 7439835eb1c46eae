package io.tcpchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of any process on this machine, from {@code /proc/<pid>/stat}: for servers that are no JVM (the
 * IRC servers of the comparison), whose heap and GC the {@link ServerProbe} cannot read.
 */
final class ProcessCpu {

	/** Clock ticks per second of {@code utime} and {@code stime}: 100 on Linux (USER_HZ). */
	private static final long TICKS_PER_SECOND = 100;

	private ProcessCpu() {
	}

	/** User and system CPU time of process {@code pid} in nanoseconds, or -1 when it cannot be read. */
	static long nanos(String pid) {
		if (pid == null || pid.isEmpty() || !pid.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		try {
			String stat = Files.readString(Path.of("/proc", pid, "stat"));
			// the command name (field 2) may hold spaces: count fields after its closing parenthesis
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return ticks * (1_000_000_000L / TICKS_PER_SECOND);
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

}
