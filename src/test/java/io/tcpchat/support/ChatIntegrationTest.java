package io.tcpchat.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.tcpchat.transport.ChatListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Base of the end-to-end tests: the real server on random ports with a fresh database, shared by the test
 * classes that use it (names are made unique per test), and socket clients closed after each test. HTTP goes
 * either through {@link #http} (real requests) or through an injected {@code MockMvc} (same context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.tcp.port=0", "chat.tcp.bind-address=127.0.0.1", "chat.admin.username=admin",
				"chat.admin.password=" + ChatIntegrationTest.ADMIN_PASSWORD, "chat.security.bcrypt-strength=4",
				"chat.limits.connections-per-ip=1000",
				// every test connects from 127.0.0.1: keep the login throttle and the registration limit out of
				// unrelated tests (LimitsIntegrationTests has its own context to test them)
				"chat.limits.login-failures-before-delay=1000", "chat.limits.login-failures-per-address=1000",
				"chat.limits.login-failures-per-account=1000", "chat.limits.registrations-per-address=1000000" })
@AutoConfigureMockMvc
@Import(TestDatabase.DropWhenClosed.class)
public abstract class ChatIntegrationTest {

	public static final String ADMIN_PASSWORD = "admin-secret-1";

	public static final String PASSWORD = "password-1";

	private static final AtomicInteger NAMES = new AtomicInteger();

	@Autowired
	protected ChatListeners listeners;

	@Value("${local.server.port}")
	private int httpPort;

	private final List<LineClient> clients = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws IOException {
		TestDatabase.register(registry, Files.createTempDirectory("tcp-chat-it"));
	}

	@BeforeAll
	static void requireDatabase() {
		TestDatabase.assumeAvailable();
	}

	@BeforeEach
	void awaitListening() {
		await().until(() -> this.listeners.port("plain") > 0);
	}

	@AfterEach
	void closeClients() {
		this.clients.forEach(LineClient::close);
		this.clients.clear();
	}

	protected int port() {
		return this.listeners.port("plain");
	}

	/** A new connection, not logged in, text format. */
	protected ChatClient connect() {
		try {
			ChatClient client = new ChatClient("127.0.0.1", port());
			this.clients.add(client);
			return client;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The bound port of the IRC listener. */
	protected int ircPort() {
		return this.listeners.port("irc");
	}

	/** A new connection to the IRC listener, not registered. */
	protected IrcTestClient connectIrc() {
		try {
			await().until(() -> ircPort() > 0);
			IrcTestClient client = new IrcTestClient(new Socket("127.0.0.1", ircPort()));
			this.clients.add(client);
			return client;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new account, logged in over IRC with PASS (the welcome burst read). */
	protected IrcTestClient newIrcUser(String name) {
		newUser(name).close();
		return connectIrc().register(name, PASSWORD);
	}

	/** A new connection from another loopback address (e.g. 127.0.0.2), as if from another machine. */
	protected ChatClient connectFrom(String localAddress) {
		try {
			ChatClient client = new ChatClient(new Socket("127.0.0.1", port(), InetAddress.getByName(localAddress), 0));
			this.clients.add(client);
			return client;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A new connection to the WebSocket listener, as a page of {@code origin} ({@code null}: no Origin). */
	protected WebSocketChatClient openWebSocket(String origin) {
		WebSocketChatClient client = WebSocketChatClient.open(this.httpPort, origin);
		this.clients.add(client);
		return client;
	}

	/** The port of the web server: REST, Actuator, the web client and its WebSocket. */
	protected int httpPort() {
		return this.httpPort;
	}

	/** A fresh account's name, unique across the shared server. */
	protected static String uniqueName(String base) {
		return base + "_" + NAMES.incrementAndGet();
	}

	/** A new user, registered and logged in, json format. */
	protected ChatClient newUser(String name) {
		return connect().register(name, PASSWORD);
	}

	protected ChatClient admin() {
		return connect().login("admin", ADMIN_PASSWORD);
	}

	/** Real HTTP requests to this server as {@code username} ({@code null}: without credentials). */
	protected AdminHttp http(String username, String password) {
		return new AdminHttp(this.httpPort, username, password);
	}

	/** HTTP requests as {@code username} from another loopback address (e.g. 127.0.0.2). */
	protected AdminHttp httpFrom(String localAddress, String username, String password) {
		return new AdminHttp(this.httpPort, username, password, localAddress);
	}

	protected AdminHttp adminHttp() {
		return http("admin", ADMIN_PASSWORD);
	}

}
