package io.tcpchat.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tcpchat.TcpChatApplication;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.LineClient;
import io.tcpchat.support.WebSocketChatClient;
import io.tcpchat.support.TestDatabase;
import io.tcpchat.transport.ChatListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Graceful shutdown: clients (TCP and WebSocket) are told {@code bye shutdown}, every acknowledged message is in the history after
 * a restart, and SIGTERM ends the process with exit code 0.
 */
class ShutdownIntegrationTests {

	private static final String ADMIN_PASSWORD = "admin-secret-1";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<LineClient> clients = new ArrayList<>();

	private Path dataDir;

	private String databaseUrl;

	@BeforeAll
	static void requireDatabase() {
		TestDatabase.assumeAvailable();
	}

	@AfterEach
	void stopEverything() {
		this.clients.forEach(LineClient::close);
		this.contexts.forEach(ConfigurableApplicationContext::close);
		TestDatabase.dropMariaDbDatabase(this.databaseUrl);
	}

	@Test
	void everyAcknowledgedMessageSurvivesAShutdownUnderLoad() throws Exception {
		ConfigurableApplicationContext first = start();
		ChatClient sender = client(first).register("sender", "password-1");
		WebSocketChatClient browser = WebSocketChatClient.open(first.getBean(ChatListeners.class).port("websocket"),
				null);
		this.clients.add(browser);
		browser.register("browser", "password-1");
		int total = 400;
		CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
			for (int i = 0; i < total; i++) {
				sender.send("load " + i);
			}
		});
		Set<Long> acknowledged = new HashSet<>();
		String byeReason = null;
		while (byeReason == null) {
			JsonNode event = sender.nextEvent();
			if ("message".equals(event.path("type").asString())) {
				acknowledged.add(event.path("id").asLong());
				if (acknowledged.size() == 50) {
					CompletableFuture.runAsync(first::close);
				}
			}
			else if ("bye".equals(event.path("type").asString())) {
				byeReason = event.path("reason").asString();
			}
		}
		sending.exceptionally(ex -> null).get(10, TimeUnit.SECONDS);

		assertThat(byeReason).isEqualTo("shutdown");
		assertThat(browser.expect("bye").path("reason").asString()).isEqualTo("shutdown");
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(50);
		await().until(() -> !first.isActive());
		ConfigurableApplicationContext second = start();
		ChatClient reader = client(second).login("sender", "password-1");
		JsonNode history = reader.command("//history general 1000");
		Set<Long> stored = new HashSet<>();
		history.path("data").path("messages").forEach(m -> stored.add(m.path("id").asLong()));
		assertThat(stored).containsAll(acknowledged);
	}

	/** Draining: readiness goes DOWN (a load balancer stops sending clients) before anyone is told bye. */
	@Test
	void readinessIsDownBeforeClientsAreToldBye() throws Exception {
		ConfigurableApplicationContext node = start("--chat.shutdown.drain-delay=3s");
		ChatClient client = client(node).login("admin", ADMIN_PASSWORD);
		int httpPort = ((WebServerApplicationContext) node).getWebServer().getPort();
		assertThat(readiness(httpPort)).isEqualTo(200);

		CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);

		await().until(() -> readiness(httpPort) == 503);
		// still served while the balancer takes note
		assertThat(client.command("//whoami").path("data").path("user").asString()).isEqualTo("admin");
		assertThat(client.expect("bye").path("reason").asString()).isEqualTo("shutdown");
		closing.get(60, TimeUnit.SECONDS);
	}

	private static int readiness(int httpPort) throws IOException, InterruptedException {
		URI uri = URI.create("http://127.0.0.1:" + httpPort + "/actuator/health/readiness");
		return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void sigtermSaysByeAndExitsWithZero() throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), TcpChatApplication.class.getName()));
		command.addAll(arguments());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			int port = awaitPort(process);
			ChatClient client = new ChatClient("127.0.0.1", port);
			this.clients.add(client);
			client.login("admin", ADMIN_PASSWORD);

			process.destroy();

			assertThat(client.expect("bye").path("reason").asString()).isEqualTo("shutdown");
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).isZero();
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static int awaitPort(Process process) throws IOException {
		Pattern listening = Pattern.compile("Chat listener 'plain' accepting connections on port (\\d+)");
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = output.readLine()) != null) {
					Matcher matcher = listening.matcher(line);
					if (matcher.find()) {
						CompletableFuture.runAsync(() -> drain(output));
						return Integer.parseInt(matcher.group(1));
					}
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			throw new IllegalStateException("The server ended before listening");
		});
		return port.orTimeout(180, TimeUnit.SECONDS).join();
	}

	private static void drain(BufferedReader output) {
		try {
			while (output.readLine() != null) {
				// keep the pipe flowing
			}
		}
		catch (IOException ex) {
			// process ended
		}
	}

	private ConfigurableApplicationContext start(String... extraArguments) throws IOException {
		List<String> arguments = new ArrayList<>(arguments());
		arguments.addAll(List.of(extraArguments));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TcpChatApplication.class)
			.run(arguments.toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private List<String> arguments() throws IOException {
		if (this.dataDir == null) {
			this.dataDir = Files.createTempDirectory("tcp-chat-shutdown");
			this.databaseUrl = TestDatabase.mariadbSelected() ? TestDatabase.createMariaDbDatabase() : null;
		}
		List<String> args = new ArrayList<>(List.of("--chat.tcp.port=0", "--chat.tcp.bind-address=127.0.0.1",
				"--server.port=0", "--chat.data-dir=" + this.dataDir, "--chat.admin.password=" + ADMIN_PASSWORD,
				"--chat.security.bcrypt-strength=4", "--chat.limits.messages-per-second=100000",
				"--chat.limits.burst=100000", "--chat.limits.history-max=1000"));
		if (this.databaseUrl != null) {
			args.addAll(List.of("--spring.datasource.url=" + this.databaseUrl, "--spring.datasource.username=root",
					"--spring.datasource.password="));
		}
		return args;
	}

	private ChatClient client(ConfigurableApplicationContext context) throws IOException {
		ChatListeners listeners = context.getBean(ChatListeners.class);
		await().until(() -> listeners.port("plain") > 0);
		ChatClient client = new ChatClient("127.0.0.1", listeners.port("plain"));
		this.clients.add(client);
		return client;
	}

}
