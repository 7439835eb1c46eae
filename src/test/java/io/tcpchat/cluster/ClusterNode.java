package io.tcpchat.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tcpchat.TcpChatApplication;
import io.tcpchat.support.AdminHttp;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.TestRedis;
import io.tcpchat.transport.ChatListeners;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * One node of a test cluster: the whole server as its own Spring context in this JVM, on random ports, sharing
 * the MariaDB database and the Redis prefix of its test class with the other nodes.
 */
final class ClusterNode implements AutoCloseable {

	static final String ADMIN_PASSWORD = "admin-secret-1";

	static final String PASSWORD = "password-1";

	private final ConfigurableApplicationContext context;

	private final List<ChatClient> clients = new ArrayList<>();

	private ClusterNode(ConfigurableApplicationContext context) {
		this.context = context;
		await().until(() -> listeners().port("plain") > 0);
	}

	/** What every node of one test cluster shares: the database, the Redis prefix, relaxed test limits. */
	static Map<String, Object> cluster(String databaseUrl, String redisPrefix) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("chat.cluster.enabled", "true");
		properties.put("chat.cluster.redis-prefix", redisPrefix);
		properties.put("spring.data.redis.host", TestRedis.HOST);
		properties.put("spring.data.redis.port", TestRedis.PORT);
		properties.put("spring.datasource.url", databaseUrl);
		properties.put("spring.datasource.username", "root");
		properties.put("spring.datasource.password", "");
		properties.put("server.port", "0");
		properties.put("chat.tcp.port", "0");
		properties.put("chat.tcp.bind-address", "127.0.0.1");
		properties.put("chat.admin.username", "admin");
		properties.put("chat.admin.password", ADMIN_PASSWORD);
		properties.put("chat.security.bcrypt-strength", "4");
		properties.put("chat.limits.connections-per-ip", "1000");
		properties.put("chat.limits.registrations-per-address", "1000000");
		properties.put("chat.limits.login-failures-before-delay", "1000");
		properties.put("chat.limits.login-failures-per-address", "1000");
		properties.put("chat.limits.login-failures-per-account", "1000");
		return properties;
	}

	static ClusterNode start(String nodeId, Map<String, Object> cluster, ApplicationListener<?>... listeners) {
		Map<String, Object> properties = new LinkedHashMap<>(cluster);
		properties.put("chat.node-id", nodeId);
		try {
			properties.putIfAbsent("chat.data-dir", Files.createTempDirectory("tcp-chat-" + nodeId).toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String[] args = properties.entrySet()
			.stream()
			.map(property -> "--" + property.getKey() + "=" + property.getValue())
			.toArray(String[]::new);
		return new ClusterNode(new SpringApplicationBuilder(TcpChatApplication.class).listeners(listeners).run(args));
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	int httpPort() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	ChatClient connect() {
		try {
			ChatClient client = new ChatClient("127.0.0.1", listeners().port("plain"));
			this.clients.add(client);
			return client;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChatClient register(String name) {
		return connect().register(name, PASSWORD);
	}

	ChatClient login(String name) {
		return connect().login(name, PASSWORD);
	}

	ChatClient admin() {
		return connect().login("admin", ADMIN_PASSWORD);
	}

	AdminHttp http() {
		return new AdminHttp(httpPort(), "admin", ADMIN_PASSWORD);
	}

	void closeClients() {
		this.clients.forEach(ChatClient::close);
		this.clients.clear();
	}

	private ChatListeners listeners() {
		return this.context.getBean(ChatListeners.class);
	}

	@Override
	public void close() {
		closeClients();
		this.context.close();
	}

}
