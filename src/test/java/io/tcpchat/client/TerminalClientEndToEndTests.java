package io.tcpchat.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tcpchat.TcpChatApplication;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.Tmux;
import io.tcpchat.transport.ChatListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real terminal client in a real terminal (tmux) against a real server: log in, chat, direct messages,
 * completion, and a server restart in the middle. Needs tmux: skipped without it, except in CI.
 */
class TerminalClientEndToEndTests {

	private static final String PASSWORD = "password-1";

	private static final Duration SERVER_START = Duration.ofMinutes(4);

	private Path dataDir;

	private ConfigurableApplicationContext server;

	private int port;

	private Tmux tmux;

	private final List<ChatClient> sockets = new ArrayList<>();

	@BeforeEach
	void start() throws IOException {
		Tmux.assumeInstalled();
		this.dataDir = Files.createTempDirectory("tcp-chat-client-e2e");
		this.server = startServer(0);
		this.port = this.server.getBean(ChatListeners.class).port("plain");
		this.tmux = new Tmux();
	}

	@AfterEach
	void stop() {
		this.sockets.forEach(ChatClient::close);
		if (this.tmux != null) {
			this.tmux.kill();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	private ConfigurableApplicationContext startServer(int tcpPort) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TcpChatApplication.class).run(
				"--chat.tcp.port=" + tcpPort, "--chat.tcp.bind-address=127.0.0.1", "--server.port=0",
				"--chat.data-dir=" + this.dataDir, "--chat.admin.password=admin-secret-1",
				"--chat.security.bcrypt-strength=4", "--chat.limits.connections-per-ip=1000");
		ChatListeners listeners = context.getBean(ChatListeners.class);
		await().atMost(SERVER_START).until(() -> listeners.port("plain") > 0);
		return context;
	}

	private ChatClient socket() throws IOException {
		ChatClient client = new ChatClient("127.0.0.1", this.port);
		this.sockets.add(client);
		return client;
	}

	@Test
	void chatsInARealTerminalAndSurvivesAServerRestart() throws IOException {
		ChatClient bob = socket().register("bob", PASSWORD);

		this.tmux.start(clientCommand("--host", "127.0.0.1", "--port", String.valueOf(this.port), "--user", "alice"));
		// --user answers the username prompt: an unknown name goes straight to the offer to register it
		this.tmux.awaitScreen("Register it? (yes/no)");
		assertThat(this.tmux.screen()).doesNotContain("Username:");
		this.tmux.type("yes").keys("Enter");
		this.tmux.awaitScreen("Choose a password");
		this.tmux.type(PASSWORD).keys("Enter");
		this.tmux.awaitScreen("Repeat the password");
		this.tmux.type(PASSWORD).keys("Enter");
		this.tmux.awaitScreen("Logged in as alice");
		assertThat(this.tmux.screen()).as("passwords are never echoed").doesNotContain(PASSWORD);

		// receive and send
		bob.send("hi alice");
		this.tmux.awaitScreen("#general bob: hi alice");
		this.tmux.type("hello bob").keys("Enter");
		bob.expect("message", e -> e.path("from").asString().equals("alice")
				&& e.path("text").asString().equals("hello bob"));

		// direct messages, both ways
		bob.send("//msg alice psst");
		this.tmux.awaitScreen("[dm] bob: psst");
		this.tmux.type("//msg bob back at you").keys("Enter");
		bob.expect("dm", e -> e.path("text").asString().equals("back at you"));

		// what is being typed survives incoming messages
		this.tmux.type("half typed");
		this.tmux.awaitScreen("#general> half typed");
		bob.send("interrupting");
		this.tmux.awaitScreen("bob: interrupting");
		assertThat(this.tmux.lastLine()).isEqualTo("#general> half typed");
		this.tmux.keys("C-u");

		// tab completion of commands and names
		this.tmux.type("//whoa").keys("Tab");
		this.tmux.awaitScreen("#general> //whoami");
		this.tmux.keys("Enter");
		this.tmux.awaitScreen("You are alice");
		this.tmux.type("//msg b").keys("Tab");
		this.tmux.awaitScreen("#general> //msg bob");
		this.tmux.keys("C-u");

		// the server restarts: the client notices, reconnects, logs in again and catches up
		bob.close();
		this.server.close();
		this.server = null;
		this.tmux.awaitScreen("Connection lost");
		this.tmux.awaitScreen("(offline) #general>");
		this.server = startServer(this.port);
		ChatClient bobAgain = socket().login("bob", PASSWORD);
		bobAgain.send("while you were away");
		this.tmux.awaitScreen("Back online");
		// back in with the resume token of the first login, not the password: that token is spent and one fresh
		// token is left (a password login would have left the old one and added another)
		assertThat(this.server.getBean(JdbcTemplate.class)
			.queryForObject("SELECT COUNT(*) FROM resume_token t JOIN account a ON a.id = t.account_id"
					+ " WHERE a.username_key = 'alice'", Integer.class)).isEqualTo(1);
		this.tmux.awaitScreen("bob: while you were away");
		this.tmux.awaitScreen("#general> ");
		this.tmux.type("after the restart").keys("Enter");
		bobAgain.expect("message", e -> e.path("text").asString().equals("after the restart"));

		this.tmux.type("//quit").keys("Enter");
		this.tmux.awaitScreen("client exited with 0");
	}

	/**
	 * A script that starts the client: the test class path is too long for a tmux command line ("command too
	 * long"), so it travels in a file.
	 */
	private static String clientCommand(String... args) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), TcpChatApplication.class.getName(), "client"));
		command.addAll(List.of(args));
		try {
			Path script = Files.createTempFile("tcp-chat-client", ".sh");
			Files.writeString(script, String.join(" ", command.stream().map(Tmux::quote).toList()) + "\n");
			return "sh " + Tmux.quote(script.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One tmux session on a private server socket, driven with send-keys and read with capture-pane. */

}
