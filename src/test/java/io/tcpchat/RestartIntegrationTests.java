package io.tcpchat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.TestDatabase;
import io.tcpchat.transport.ChatListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stops the server and starts it again on the same storage: accounts, bans, channels with their members and
 * history are all still there.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestartIntegrationTests {

	private static final String ADMIN_PASSWORD = "admin-secret-1";

	private static final String PASSWORD = "password-1";

	private final List<ChatClient> clients = new ArrayList<>();

	private ConfigurableApplicationContext server;

	private String databaseUrl;

	@AfterEach
	void stop() {
		this.clients.forEach(ChatClient::close);
		if (this.server != null) {
			this.server.close();
		}
		TestDatabase.dropMariaDbDatabase(this.databaseUrl);
	}

	@Test
	void everythingStoredSurvivesARestart(@TempDir Path tempDir, CapturedOutput output) throws IOException {
		TestDatabase.assumeAvailable();
		Path dataDir = tempDir.resolve("not-yet").resolve("data");
		Map<String, Object> storage = storage(dataDir);

		start(storage);
		assertOwnerOnly(dataDir);
		assertThat(output.getOut()).as("start-up warnings that alarm operators for nothing")
			.doesNotContain("UserDetailsService beans will not be used", "newer than the version Flyway has been verified");
		connect().register("alice", PASSWORD);
		ChatClient alice = connect().login("alice", PASSWORD);
		ChatClient bob = connect().register("bob", PASSWORD);
		connect().register("carol", PASSWORD);
		alice.command("//color teal");
		alice.command("//create-channel #vault private");
		alice.command("//invite bob");
		bob.command("//join #vault");
		alice.send("first words");
		alice.send("second words");
		alice.expect("message", m -> m.path("text").asString().equals("second words"));
		connect().login("admin", ADMIN_PASSWORD).command("//ban carol gone for good");
		String color = alice.command("//whoami").path("data").path("color").asString();
		restart(storage);

		ChatClient aliceAgain = connect().login("alice", PASSWORD);
		JsonNode whoami = aliceAgain.command("//whoami").path("data");
		assertThat(whoami.path("channels").valueStream().map(JsonNode::asString)).contains("general", "vault");
		assertThat(whoami.path("color").asString()).isEqualTo(color);
		JsonNode vault = aliceAgain.command("//channels")
			.path("data")
			.path("channels")
			.valueStream()
			.filter(c -> c.path("name").asString().equals("vault"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("#vault is gone"));
		assertThat(vault.path("private").asBoolean()).isTrue();
		assertThat(vault.path("members").asInt()).isEqualTo(2);
		assertThat(aliceAgain.command("//history #vault")
			.path("data")
			.path("messages")
			.valueStream()
			.map(m -> m.path("from").asString() + ": " + m.path("text").asString()))
			.containsExactly("alice: first words", "alice: second words");

		ChatClient bobAgain = connect().login("bob", PASSWORD);
		assertThat(bobAgain.command("//history #vault").path("data").path("messages").size()).isEqualTo(2);
		ChatClient dave = connect().register("dave", PASSWORD);
		assertThat(dave.commandError("//join #vault").path("code").asString()).isEqualTo("forbidden");

		ChatClient carol = connect().json();
		carol.send("//login carol " + PASSWORD);
		assertThat(carol.expectError("banned").path("text").asString()).contains("gone for good");
		JsonNode bans = connect().login("admin", ADMIN_PASSWORD).command("//banned-users").path("data").path("bans");
		assertThat(bans.valueStream().map(b -> b.path("username").asString())).containsExactly("carol");
		assertThat(connect().json().commandError("//register alice " + PASSWORD).path("code").asString())
			.isEqualTo("already-exists");
	}

	@Test
	void aRestartRecreatesAMissingBootstrapAdmin(@TempDir Path dataDir) throws java.sql.SQLException {
		TestDatabase.assumeAvailable();
		Map<String, Object> storage = storage(dataDir);
		start(storage);
		connect().register("zara", PASSWORD);
		// the admin's account gone as an older version could lose it: a tombstone holds its name
		try (java.sql.Connection connection = this.server.getBean(javax.sql.DataSource.class).getConnection();
				java.sql.Statement sql = connection.createStatement()) {
			sql.executeUpdate("UPDATE account SET deleted_at = CURRENT_TIMESTAMP, password_hash = '!', roles = ''"
					+ " WHERE username_key = 'admin'");
		}
		assertThat(connect().json().commandError("//login admin " + ADMIN_PASSWORD).path("code").asString())
			.isEqualTo("bad-credentials");

		restart(storage);

		JsonNode loggedIn = connect().json().send("//login admin " + ADMIN_PASSWORD).expect("logged-in");
		assertThat(loggedIn.path("roles").valueStream().map(JsonNode::asString)).contains("ADMIN");
		connect().login("zara", PASSWORD);
	}

	/** The data directory is created 0700 and the database files in it are 0600. */
	private static void assertOwnerOnly(Path dataDir) throws IOException {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
		if (!TestDatabase.mariadbSelected()) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("tcpchat.mv.db"))))
				.isEqualTo("rw-------");
		}
	}

	private Map<String, Object> storage(Path dataDir) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chat.data-dir", dataDir.toString());
		if (TestDatabase.mariadbSelected()) {
			this.databaseUrl = TestDatabase.createMariaDbDatabase();
			properties.put("spring.datasource.url", this.databaseUrl);
			properties.put("spring.datasource.username", "root");
			properties.put("spring.datasource.password", "");
		}
		return properties;
	}

	private void start(Map<String, Object> storage) {
		Map<String, Object> properties = new LinkedHashMap<>(storage);
		properties.put("server.port", "0");
		properties.put("chat.tcp.port", "0");
		properties.put("chat.tcp.bind-address", "127.0.0.1");
		properties.put("chat.admin.username", "admin");
		properties.put("chat.admin.password", ADMIN_PASSWORD);
		properties.put("chat.security.bcrypt-strength", "4");
		properties.put("chat.limits.connections-per-ip", "1000");
		properties.put("chat.limits.registrations-per-address", "1000");
		String[] args = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		this.server = new SpringApplicationBuilder(TcpChatApplication.class).run(args);
		await().until(() -> listeners().port("plain") > 0);
	}

	private void restart(Map<String, Object> storage) {
		this.clients.forEach(ChatClient::close);
		this.clients.clear();
		this.server.close();
		this.server = null;
		start(storage);
	}

	private ChatListeners listeners() {
		return this.server.getBean(ChatListeners.class);
	}

	private ChatClient connect() {
		try {
			ChatClient client = new ChatClient("127.0.0.1", listeners().port("plain"));
			this.clients.add(client);
			return client;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
