package io.tcpchat.session;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.tcpchat.TcpChatApplication;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.TcpProxy;
import io.tcpchat.support.TestDatabase;
import io.tcpchat.transport.ChatListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MariaDB goes away behind a proxy and comes back: clients get clear errors, nothing unstored is acknowledged,
 * connections stay up, and the server recovers by itself. Always runs against MariaDB (an embedded database
 * cannot be cut off).
 */
class DatabaseOutageTests {

	private final List<ChatClient> clients = new ArrayList<>();

	private ConfigurableApplicationContext context;

	private TcpProxy proxy;

	private String database;

	@BeforeAll
	static void requireMariaDb() {
		TestDatabase.assumeMariaDbAvailable();
	}

	@AfterEach
	void stop() {
		this.clients.forEach(ChatClient::close);
		if (this.context != null) {
			this.context.close();
		}
		if (this.proxy != null) {
			this.proxy.close();
		}
		TestDatabase.dropMariaDbDatabase(this.database);
	}

	@Test
	void chatFailsClearlyDuringAnOutageAndRecoversAfterIt() throws IOException {
		String database = TestDatabase.createMariaDbDatabase();
		this.database = database;
		URI target = URI.create(TestDatabase.MARIADB_URL.substring("jdbc:".length()));
		this.proxy = new TcpProxy(target.getHost(), target.getPort());
		String proxied = "jdbc:mariadb://127.0.0.1:" + this.proxy.port() + "/"
				+ database.substring(database.lastIndexOf('/') + 1);
		this.context = new SpringApplicationBuilder(TcpChatApplication.class).run("--chat.tcp.port=0",
				"--chat.tcp.bind-address=127.0.0.1", "--server.port=0",
				"--chat.data-dir=" + Files.createTempDirectory("tcp-chat-outage"), "--chat.admin.password=admin-secret-1",
				"--chat.security.bcrypt-strength=4", "--spring.datasource.url=" + proxied,
				"--spring.datasource.username=root", "--spring.datasource.password=",
				"--spring.datasource.hikari.connection-timeout=1500");
		ChatClient alice = connect().register("alice", "password-1");
		ChatClient bob = connect().register("bob", "password-1");

		this.proxy.cut();

		alice.send("during the outage");
		JsonNode refused = alice.expectError("unavailable");
		assertThat(refused.path("text").asString()).contains("database");
		ChatClient carol = connect().json();
		carol.send("//login bob password-1");
		assertThat(carol.expectError("unavailable").path("command").asString()).isEqualTo("login");
		assertThat(carol.expect("prompt").path("field").asString()).isEqualTo("username");

		this.proxy.restore();

		// the pool may need a moment to connect again: a refused attempt is answered with an error, then retried
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			alice.send("after the outage");
			JsonNode outcome = messageOrError(alice);
			assertThat(outcome.path("type").asString()).as(outcome.toString()).isEqualTo("message");
			assertThat(outcome.path("text").asString()).isEqualTo("after the outage");
		});
		bob.expect("message", m -> m.path("text").asString().equals("after the outage"));
		carol.send("//login bob password-1");
		assertThat(carol.expect("logged-in").path("user").asString()).isEqualTo("bob");
		bob.send("//history 50");
		assertThat(bob.expectReply("history").path("data").path("messages").toString())
			.doesNotContain("during the outage");
	}

	private ChatClient connect() throws IOException {
		ChatListeners listeners = this.context.getBean(ChatListeners.class);
		await().until(() -> listeners.port("plain") > 0);
		ChatClient client = new ChatClient("127.0.0.1", listeners.port("plain"));
		this.clients.add(client);
		return client;
	}


	private static JsonNode messageOrError(ChatClient client) {
		while (true) {
			JsonNode event = client.nextEvent();
			String type = event.path("type").asString();
			if (type.equals("message") || type.equals("error")) {
				return event;
			}
		}
	}

}
