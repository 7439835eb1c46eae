package io.tcpchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A chat server started for one run: a child JVM from this same jar, listening on 127.0.0.1 on free ports, with a
 * fresh H2 database in a temporary directory, cheap password hashing (accounts are set up, not measured) and
 * the per-IP and flood limits lifted.
 */
final class SpawnedServer implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("Chat listener 'plain' accepting connections on port (\\d+)");

	private static final Pattern WEBSOCKET = Pattern.compile("Chat listener 'websocket' accepting connections on port (\\d+)");

	private static final Pattern IRC = Pattern.compile("Chat listener 'irc' accepting connections on port (\\d+)");

	private final Process process;

	private final Path directory;

	private final int port;

	private final int httpPort;

	/** The IRC listener's port, or 0 when the server has none ({@code --server-arg --chat.irc.enabled=false}). */
	private final int ircPort;

	private SpawnedServer(Process process, Path directory, int port, int httpPort, int ircPort) {
		this.process = process;
		this.directory = directory;
		this.port = port;
		this.httpPort = httpPort;
		this.ircPort = ircPort;
	}

	static SpawnedServer start(BenchOptions options) throws IOException, InterruptedException {
		return start(options, Files.createTempDirectory("tcp-chat-bench"), 0, 4);
	}

	/**
	 * Stops the server the way an operator would and starts it again on the same database and chat port (its
	 * clients reconnect there); the logs of the first run are kept as {@code server-1.log}. The restarted server
	 * hashes with bcrypt strength 10, as a production server does: only the storm restarts, and what it measures
	 * is whether reconnecting clients avoid that cost.
	 */
	SpawnedServer restart(BenchOptions options) throws IOException, InterruptedException {
		stop();
		Files.move(this.directory.resolve("server.log"), this.directory.resolve("server-1.log"),
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return start(options, this.directory, this.port, 10);
	}

	/**
	 * @param bcrypt the password hashing strength: 4 while accounts are set up (10,000 bcrypt-10 registrations
	 * would take about 13 minutes on two cores and measure nothing), 10 for the storm's restarted server
	 */
	private static SpawnedServer start(BenchOptions options, Path directory, int tcpPort, int bcrypt)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xms" + options.serverHeap());
		command.add("-Xmx" + options.serverHeap());
		command.addAll(Arrays.asList(options.serverJvmArgs().trim().split("\\s+")));
		// gc+phases has ZGC's pauses; gc+cpu shows User/Sys/Real per collection (Real far above User: the GC
		// waited for a CPU)
		command.add("-Xlog:gc,gc+cpu,gc+phases:file=" + directory.resolve("gc.log"));
		if (options.jfr() != null) {
			command.add("-XX:StartFlightRecording=settings=profile,filename=" + options.jfr().toAbsolutePath());
		}
		command.add("-jar");
		command.add(jar());
		command.addAll(List.of("--chat.tcp.port=" + tcpPort, "--chat.tcp.bind-address=127.0.0.1", "--server.port=0",
				"--server.address=127.0.0.1", "--chat.irc.port=0", "--chat.data-dir=" + directory, "--chat.security.bcrypt-strength=" + bcrypt,
				"--chat.limits.connections-per-ip=1000000", "--chat.limits.messages-per-second=1000000",
				"--chat.limits.burst=1000000", "--chat.limits.login-timeout=300s",
				// every load user registers from this one address
				"--chat.limits.registrations-per-address=100000000",
				"--chat.admin.password=bench-admin-password", "--logging.level.root=warn",
				"--logging.level.io.tcpchat.transport.ChatListeners=info"));
		command.addAll(options.serverArgs());
		Path log = directory.resolve("server.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
		while (System.nanoTime() < deadline) {
			String output = Files.readString(log);
			Matcher plain = LISTENING.matcher(output);
			Matcher webSocket = WEBSOCKET.matcher(output);
			Matcher irc = IRC.matcher(output);
			boolean ircFound = irc.find();
			// the listeners start in any order: wait for the IRC one too when clients are to use it
			if (plain.find() && webSocket.find() && (ircFound || options.irc() == 0)) {
				return new SpawnedServer(process, directory, Integer.parseInt(plain.group(1)),
						Integer.parseInt(webSocket.group(1)), ircFound ? Integer.parseInt(irc.group(1)) : 0);
			}
			if (!process.isAlive()) {
				throw new IOException("The server exited (" + process.exitValue() + "); see " + log);
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IOException("The server did not start listening within 300 s; see " + log);
	}

	/** The jar this generator runs from: the server is the same jar without the {@code bench} argument. */
	private static String jar() {
		String classPath = System.getProperty("java.class.path");
		if (classPath == null || !classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
			throw new IllegalStateException("Start the generator with java -jar tcp-chat.jar bench ..., or give --port");
		}
		return classPath;
	}

	int port() {
		return this.port;
	}

	/** The web server's port, where the WebSocket listener is. */
	int httpPort() {
		return this.httpPort;
	}

	int ircPort() {
		return this.ircPort;
	}

	long pid() {
		return this.process.pid();
	}

	Path gcLog() {
		return this.directory.resolve("gc.log");
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Stops the server the way an operator would (SIGTERM, graceful), forcibly after 30 s, and deletes its
	 * database; the logs stay.
	 */
	@Override
	public void close() throws InterruptedException {
		stop();
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter(file -> file.getFileName().toString().startsWith("tcpchat.")).forEach(file -> file.toFile().delete());
		}
		catch (IOException ex) {
			// only disk space at stake
		}
	}

	private void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

}
