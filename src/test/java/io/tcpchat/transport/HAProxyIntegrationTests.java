package io.tcpchat.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.tcpchat.TcpChatApplication;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two independent nodes behind a real HAProxy running the shipped {@code docker/haproxy.cfg}, its addresses set
 * through the environment variables the file expects. Nodes take only PROXY-protocol connections from HAProxy
 * ({@code required}, trusting 127.0.0.1); clients connect from other loopback addresses, which the nodes must
 * see. Without {@code haproxy} installed the tests are skipped (they fail under {@code CI=true}).
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HAProxyIntegrationTests {

	static final Path CONFIG = Path.of("docker", "haproxy.cfg");

	private static final String ADMIN_PASSWORD = "admin-secret-1";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final List<Node> nodes = new ArrayList<>();

	private static Process haproxy;

	private static Path haproxyLog;

	private static final Map<String, Integer> ports = new HashMap<>();

	private final List<AutoCloseable> opened = new ArrayList<>();

	@BeforeAll
	static void startNodesAndHAProxy() throws Exception {
		Path binary = haproxyBinary();
		TestDatabase.assumeAvailable();
		Path first = Files.createTempDirectory("tcp-chat-node-a");
		Path second = Files.createTempDirectory("tcp-chat-node-b");
		// one certificate for both nodes, as behind one name it would be
		SelfSignedCertificate.loadOrCreate(first);
		Files.createDirectories(SelfSignedCertificate.file(second).getParent());
		Files.copy(SelfSignedCertificate.file(first), SelfSignedCertificate.file(second),
				StandardCopyOption.REPLACE_EXISTING);
		CompletableFuture<Node> a = CompletableFuture.supplyAsync(() -> Node.start("node-a", first, "0s"));
		// longer than HAProxy needs to notice (CHECK_INTERVAL 300ms x fall 2)
		CompletableFuture<Node> b = CompletableFuture.supplyAsync(() -> Node.start("node-b", second, "3s"));
		nodes.add(a.join());
		nodes.add(b.join());
		for (String name : List.of("chat", "tls", "stats")) {
			ports.put(name, freePort());
		}
		haproxyLog = Files.createTempFile("haproxy", ".log");
		ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-db", "-f", CONFIG.toString())
			.redirectErrorStream(true)
			.redirectOutput(haproxyLog.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("CHAT_BIND", "127.0.0.1:" + ports.get("chat"));
		environment.put("CHAT_TLS_BIND", "127.0.0.1:" + ports.get("tls"));
		environment.put("STATS_BIND", "127.0.0.1:" + ports.get("stats"));
		environment.put("CHECK_INTERVAL", "300ms");
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			environment.put("CHAT_NODE" + (i + 1), "127.0.0.1:" + node.port("plain"));
			environment.put("CHAT_NODE" + (i + 1) + "_TLS", "127.0.0.1:" + node.port("tls"));
			environment.put("CHAT_NODE" + (i + 1) + "_HTTP_PORT", String.valueOf(node.httpPort()));
		}
		haproxy = builder.start();
		await().atMost(Duration.ofSeconds(30))
			.failFast("HAProxy ended: " + haproxyLog, () -> !haproxy.isAlive())
			.ignoreExceptions()
			.until(() -> status("chat_nodes", "node1").equals("UP") && status("chat_nodes", "node2").equals("UP")
					&& status("chat_tls_nodes", "node1").equals("UP") && status("chat_tls_nodes", "node2").equals("UP"));
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (haproxy != null) {
			haproxy.destroy();
			haproxy.waitFor(10, TimeUnit.SECONDS);
		}
		nodes.forEach(Node::close);
		nodes.clear();
	}

	@AfterEach
	void closeClients() throws Exception {
		for (AutoCloseable closeable : this.opened) {
			closeable.close();
		}
		this.opened.clear();
		// HAProxy's connection counts (leastconn) follow the closes
		await().until(() -> nodes.stream().allMatch(node -> openConnections(node) == 0));
	}

	@Test
	void aClientChatsThroughHAProxyAndTheNodeSeesItsAddress(CapturedOutput output) {
		ChatClient alice = through("127.0.0.5").json();
		alice.send("//register alice_" + System.nanoTime() % 100000 + " password-1");
		alice.expect("logged-in");

		alice.send("hello through haproxy");

		assertThat(alice.expect("message").path("text").asString()).isEqualTo("hello through haproxy");
		ChatClient guesser = through("127.0.0.6").json();
		guesser.send("//login nobody wrong-password");
		guesser.expectError("bad-credentials");
		await().until(() -> output.getOut().contains("from 127.0.0.6"));
	}

	@Test
	void leastconnSendsTheNextClientToTheLessBusyNode() {
		String first = nodeOf(through("127.0.0.5"));

		String second = nodeOf(through("127.0.0.5"));

		assertThat(List.of(first, second)).containsExactlyInAnyOrder("node-a", "node-b");
	}

	@Test
	void aNodeThatIsNotReadyGetsNoNewConnections() {
		ChatClient onA = through("127.0.0.5");
		ChatClient onB = through("127.0.0.5");
		ChatClient stays = nodeOf(onA).equals("node-b") ? onA : onB;
		Node b = nodes.get(1);
		AvailabilityChangeEvent.publish(b.context, ReadinessState.REFUSING_TRAFFIC);
		try {
			await().until(() -> status("chat_nodes", "node2").startsWith("DOWN"));

			for (int i = 0; i < 3; i++) {
				assertThat(nodeOf(through("127.0.0.5"))).isEqualTo("node-a");
			}
			// the connections it has are its own to end (with bye shutdown, when it stops)
			stays.json();
			assertThat(stays.command("//help").path("data").path("commands").size()).isGreaterThan(5);
		}
		finally {
			AvailabilityChangeEvent.publish(b.context, ReadinessState.ACCEPTING_TRAFFIC);
			await().until(() -> status("chat_nodes", "node2").equals("UP"));
		}
	}

	@Test
	void tlsPassesThroughHAProxyToTheNodes(CapturedOutput output) throws Exception {
		Socket socket = new Socket("127.0.0.1", ports.get("tls"), InetAddress.getByName("127.0.0.7"), 0);
		this.opened.add(socket);
		X509Certificate certificate = TestCertificates.generatedCertificate(nodes.get(0).dataDir);
		ChatClient client = new ChatClient(TestCertificates.handshake(socket, certificate));
		this.opened.add(client);

		client.json().send("//login nobody wrong-password");

		client.expectError("bad-credentials");
		await().until(() -> output.getOut().contains("from 127.0.0.7"));
	}

	/**
	 * The whole drain through HAProxy: node-b stops, reports not ready while it still serves, HAProxy sends new
	 * clients to node-a, then node-b's clients get bye shutdown and come back through HAProxy to node-a. Last,
	 * because it stops node-b.
	 */
	@Test
	@Order(Integer.MAX_VALUE)
	void aStoppingNodeDrainsThroughHAProxy() {
		ChatClient first = through("127.0.0.5");
		ChatClient second = through("127.0.0.5");
		ChatClient onB = nodeOf(first).equals("node-b") ? first : second;
		onB.json();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(nodes.get(1).context::close);

		await().until(() -> status("chat_nodes", "node2").startsWith("DOWN"));
		assertThat(onB.command("//help").path("data").path("commands").size()).isGreaterThan(5);
		assertThat(nodeOf(through("127.0.0.5"))).isEqualTo("node-a");
		assertThat(onB.expect("bye").path("reason").asString()).isEqualTo("shutdown");
		assertThat(nodeOf(through("127.0.0.5"))).isEqualTo("node-a");
		stopping.join();
	}

	/** A client connected to HAProxy's chat port from {@code localAddress}. */
	private ChatClient through(String localAddress) {
		try {
			ChatClient client = new ChatClient(
					new Socket("127.0.0.1", ports.get("chat"), InetAddress.getByName(localAddress), 0));
			this.opened.add(client);
			return client;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The node named in the text welcome banner, "(node node-a)". */
	private static String nodeOf(ChatClient client) {
		String banner = client.expectLine(line -> line.contains("(node "));
		return banner.substring(banner.indexOf("(node ") + 6, banner.indexOf(')', banner.indexOf("(node ")));
	}

	private static int openConnections(Node node) {
		if (!node.context.isActive()) {
			return 0;
		}
		return node.context.getBean(MeterRegistry.class)
			.find("chat.connections.open")
			.gauges()
			.stream()
			.mapToInt(gauge -> (int) gauge.value())
			.sum();
	}

	/** A server's state in HAProxy's CSV statistics: UP, DOWN, "DOWN 1/2" (going down), ... */
	private static String status(String backend, String server) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + ports.get("stats") + "/stats;csv"))
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
		String[] lines = response.body().split("\n");
		List<String> columns = List.of(lines[0].replace("# ", "").split(","));
		int status = columns.indexOf("status");
		for (String line : lines) {
			String[] fields = line.split(",", -1);
			if (fields.length > status && fields[0].equals(backend) && fields[1].equals(server)) {
				return fields[status];
			}
		}
		return "absent";
	}

	/** A port below the ephemeral range (32768-60999 here), so that no client socket takes it meanwhile. */
	private static int freePort() throws IOException {
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20000, 32000);
			try (ServerSocket probe = new ServerSocket()) {
				probe.bind(new InetSocketAddress("127.0.0.1", port));
				return port;
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IOException("No free port found for HAProxy");
	}

	private static Path haproxyBinary() {
		for (String candidate : List.of("/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy")) {
			if (Files.isExecutable(Path.of(candidate))) {
				return Path.of(candidate);
			}
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail("haproxy is required in CI (Debian package haproxy)");
		}
		assumeTrue(false, "haproxy is not installed (apt-get install haproxy): HAProxy tests skipped");
		return null;
	}

	/** A node: its own context and database (H2 file, or its own MariaDB database in the MariaDB pass). */
	private record Node(ConfigurableApplicationContext context, Path dataDir, String databaseUrl) {

		static Node start(String id, Path dataDir, String drainDelay) {
			String databaseUrl = TestDatabase.mariadbSelected() ? TestDatabase.createMariaDbDatabase() : null;
			List<String> args = new ArrayList<>(List.of("--chat.node-id=" + id, "--chat.tcp.port=0",
					"--chat.tcp.bind-address=127.0.0.1", "--chat.tls.enabled=true", "--chat.tls.port=0",
					"--server.port=0", "--chat.data-dir=" + dataDir, "--chat.admin.password=" + ADMIN_PASSWORD,
					"--chat.security.bcrypt-strength=4", "--chat.tcp.proxy-protocol=required",
					"--chat.tcp.trusted-proxies=127.0.0.1", "--chat.shutdown.drain-delay=" + drainDelay,
					"--chat.limits.login-failures-before-delay=1000", "--chat.limits.login-failures-per-address=1000"));
			if (databaseUrl != null) {
				args.addAll(List.of("--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=root",
						"--spring.datasource.password="));
			}
			ConfigurableApplicationContext context = new SpringApplicationBuilder(TcpChatApplication.class)
				.run(args.toArray(String[]::new));
			ChatListeners listeners = context.getBean(ChatListeners.class);
			await().until(() -> listeners.port("plain") > 0 && listeners.port("tls") > 0);
			return new Node(context, dataDir, databaseUrl);
		}

		int port(String listener) {
			return this.context.getBean(ChatListeners.class).port(listener);
		}

		int httpPort() {
			return ((WebServerApplicationContext) this.context).getWebServer().getPort();
		}

		void close() {
			this.context.close();
			TestDatabase.dropMariaDbDatabase(this.databaseUrl);
		}

	}

}
