package io.tcpchat.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The server's side of the numbers, read over JMX: heap, CPU time, threads and GC pauses. Works on a JVM given
 * by pid (attach), by JMX port, or this very JVM (the smoke test runs the server in-process).
 */
final class ServerProbe implements AutoCloseable {

	private static final ObjectName MEMORY = name("java.lang:type=Memory");

	private static final ObjectName OS = name("java.lang:type=OperatingSystem");

	private static final ObjectName THREADS = name("java.lang:type=Threading");

	private static final ObjectName RUNTIME = name("java.lang:type=Runtime");

	private final MBeanServerConnection connection;

	private final JMXConnector connector;

	private final Long pid;

	private final Path gcLog;

	/** Pauses seen through JMX notifications, used when there is no GC log. */
	private final List<GcPause> notifiedPauses = new CopyOnWriteArrayList<>();

	private ServerProbe(MBeanServerConnection connection, JMXConnector connector, Long pid, Path gcLog) {
		this.connection = connection;
		this.connector = connector;
		this.pid = pid;
		this.gcLog = gcLog;
		if (gcLog == null) {
			listenForPauses();
		}
	}

	/** @param target "self", a pid, or null; jmx is "host:port" or null */
	static ServerProbe connect(String target, String jmx, Path gcLog) throws IOException {
		if ("self".equals(target)) {
			return new ServerProbe(ManagementFactory.getPlatformMBeanServer(), null, ProcessHandle.current().pid(),
					gcLog);
		}
		String url;
		Long pid = null;
		if (jmx != null) {
			url = "service:jmx:rmi:///jndi/rmi://" + jmx + "/jmxrmi";
		}
		else if (target != null) {
			pid = Long.valueOf(target);
			url = localConnectorAddress(target);
		}
		else {
			return null;
		}
		JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(url));
		return new ServerProbe(connector.getMBeanServerConnection(), connector, pid, gcLog);
	}

	private static String localConnectorAddress(String pid) throws IOException {
		try {
			com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(pid);
			try {
				return vm.startLocalManagementAgent();
			}
			finally {
				vm.detach();
			}
		}
		catch (com.sun.tools.attach.AttachNotSupportedException ex) {
			throw new IOException("Cannot attach to " + pid + ": " + ex.getMessage(), ex);
		}
	}

	long heapUsed() throws IOException {
		CompositeData usage = (CompositeData) attribute(MEMORY, "HeapMemoryUsage");
		return (Long) usage.get("used");
	}

	long heapMax() throws IOException {
		CompositeData usage = (CompositeData) attribute(MEMORY, "HeapMemoryUsage");
		return (Long) usage.get("max");
	}

	/** Heap still in use after a full collection (explicit GCs are left out of the pause figures). */
	long heapAfterGc() throws IOException {
		try {
			this.connection.invoke(MEMORY, "gc", null, null);
		}
		catch (javax.management.JMException ex) {
			throw new IOException(ex);
		}
		return heapUsed();
	}

	long cpuNanos() throws IOException {
		return (Long) attribute(OS, "ProcessCpuTime");
	}

	int threads() throws IOException {
		return (Integer) attribute(THREADS, "ThreadCount");
	}

	long uptimeMillis() throws IOException {
		return (Long) attribute(RUNTIME, "Uptime");
	}

	String collectors() throws IOException {
		try {
			List<String> names = new ArrayList<>();
			for (ObjectName gc : this.connection.queryNames(name("java.lang:type=GarbageCollector,*"), null)) {
				names.add(gc.getKeyProperty("name"));
			}
			return String.join(", ", names);
		}
		catch (RuntimeException ex) {
			return "?";
		}
	}

	/** Resident set size of the server process in bytes, where the OS tells (Linux), else -1. */
	long rssBytes() {
		if (this.pid == null) {
			return -1;
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + this.pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or gone
		}
		return -1;
	}

	/** GC pauses between two uptimes (milliseconds), explicit System.gc() calls left out. */
	List<GcPause> pauses(long fromUptimeMillis, long toUptimeMillis) {
		List<GcPause> all = (this.gcLog != null) ? GcPause.parseLog(this.gcLog) : this.notifiedPauses;
		List<GcPause> window = new ArrayList<>();
		for (GcPause pause : all) {
			if (pause.uptimeMillis() >= fromUptimeMillis && pause.uptimeMillis() <= toUptimeMillis
					&& !pause.cause().contains("System.gc")) {
				window.add(pause);
			}
		}
		return window;
	}

	private void listenForPauses() {
		try {
			for (ObjectName gc : this.connection.queryNames(name("java.lang:type=GarbageCollector,*"), null)) {
				this.connection.addNotificationListener(gc, (Notification notification, Object handback) -> {
					if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
						.equals(notification.getType())) {
						GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
							.from((CompositeData) notification.getUserData());
						this.notifiedPauses.add(new GcPause(info.getGcInfo().getStartTime(),
								info.getGcName() + " " + info.getGcAction(), info.getGcCause(),
								info.getGcInfo().getDuration()));
					}
				}, null, null);
			}
		}
		catch (IOException | javax.management.JMException ex) {
			// pauses stay unknown
		}
	}

	private Object attribute(ObjectName name, String attribute) throws IOException {
		try {
			return this.connection.getAttribute(name, attribute);
		}
		catch (javax.management.JMException ex) {
			throw new IOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		if (this.connector != null) {
			this.connector.close();
		}
	}

	private static ObjectName name(String name) {
		try {
			return new ObjectName(name);
		}
		catch (javax.management.MalformedObjectNameException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static Map<String, Object> summarize(List<GcPause> pauses) {
		Map<String, Object> summary = new TreeMap<>();
		double max = 0;
		double total = 0;
		String worst = null;
		for (GcPause pause : pauses) {
			total += pause.millis();
			if (pause.millis() >= max) {
				max = pause.millis();
				worst = pause.kind();
			}
		}
		summary.put("count", pauses.size());
		summary.put("maxMs", round(max));
		summary.put("totalMs", round(total));
		summary.put("worst", worst);
		return summary;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** One stop-the-world pause. */
	record GcPause(long uptimeMillis, String kind, String cause, double millis) {

		private static final java.util.regex.Pattern LINE = java.util.regex.Pattern
			.compile("^\\[(\\d+(?:\\.\\d+)?)s\\].*GC\\(\\d+\\) (Pause [^(0-9]*)(.*) (\\d+(?:\\.\\d+)?)ms$");

		/** ZGC stops a thread whose allocation it cannot serve: a pause for that thread. */
		private static final java.util.regex.Pattern STALL = java.util.regex.Pattern
			.compile("^\\[(\\d+(?:\\.\\d+)?)s\\].*Allocation Stall \\([^)]*\\) (\\d+(?:\\.\\d+)?)ms$");

		static List<GcPause> parseLog(Path log) {
			List<GcPause> pauses = new ArrayList<>();
			try {
				for (String line : Files.readAllLines(log)) {
					java.util.regex.Matcher m = LINE.matcher(line.trim());
					if (m.matches()) {
						pauses.add(new GcPause((long) (Double.parseDouble(m.group(1)) * 1000), m.group(2).trim(),
								line, Double.parseDouble(m.group(4))));
					}
					m = STALL.matcher(line.trim());
					if (m.matches()) {
						pauses.add(new GcPause((long) (Double.parseDouble(m.group(1)) * 1000), "Allocation Stall",
								line, Double.parseDouble(m.group(2))));
					}
				}
			}
			catch (IOException ex) {
				// no pauses known
			}
			return pauses;
		}

	}

}
