package io.tcpchat.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where an integration test keeps its data: a fresh H2 file database (default), or a fresh MariaDB database when
 * {@code -Dchat.test.database=mariadb}. Without a reachable MariaDB such tests are skipped on a laptop and fail
 * in CI ({@code CI=true}). MariaDB databases are dropped again when their server stops.
 */
public final class TestDatabase {

	public static final String MARIADB_URL = System.getProperty("chat.test.mariadb.url",
			"jdbc:mariadb://127.0.0.1:3306/");

	private static final String DATABASE_PREFIX = "tcpchat_test_";

	private TestDatabase() {
	}

	public static boolean mariadbSelected() {
		return "mariadb".equalsIgnoreCase(System.getProperty("chat.test.database", "h2"));
	}

	/** Skips (or in CI fails) when MariaDB is selected but unreachable. Call before the context loads. */
	public static void assumeAvailable() {
		if (mariadbSelected()) {
			assumeMariaDbAvailable();
		}
	}

	/** Skips (or in CI fails) when MariaDB is unreachable. */
	public static void assumeMariaDbAvailable() {
		try (Connection connection = DriverManager.getConnection(MARIADB_URL, "root", "")) {
			connection.isValid(2);
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("MariaDB is required in CI but unreachable at " + MARIADB_URL, ex);
			}
			Assumptions.abort("MariaDB not reachable at " + MARIADB_URL + " (" + ex.getMessage()
					+ "): skipping the MariaDB run of this test");
		}
	}

	/** Registers a fresh database and data directory. */
	public static void register(DynamicPropertyRegistry registry, Path dataDir) {
		registry.add("chat.data-dir", dataDir::toString);
		if (mariadbSelected()) {
			String url = createMariaDbDatabase();
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", () -> "root");
			registry.add("spring.datasource.password", () -> "");
		}
	}

	/**
	 * Drops a database that {@link #createMariaDbDatabase()} made, given its JDBC URL; anything else is left alone.
	 * Tests call it once the server using it has stopped.
	 */
	public static void dropMariaDbDatabase(String url) {
		if (url == null || !url.startsWith(MARIADB_URL + DATABASE_PREFIX)) {
			return;
		}
		String name = url.substring(MARIADB_URL.length());
		if (!name.matches("[a-z0-9_]+")) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(MARIADB_URL, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name);
		}
		catch (SQLException ex) {
			// the server is gone: nothing to clean up on it
		}
	}

	/**
	 * Drops the MariaDB test database of a Spring context when the context is destroyed, after its lifecycle beans
	 * (listeners, the message store) have stopped. Imported by the shared test contexts.
	 */
	public static final class DropWhenClosed implements DisposableBean {

		private final String url;

		DropWhenClosed(Environment environment) {
			this.url = environment.getProperty("spring.datasource.url");
		}

		@Override
		public void destroy() {
			dropMariaDbDatabase(this.url);
		}

	}

	/** Creates an empty MariaDB database and returns its JDBC URL. */
	public static String createMariaDbDatabase() {
		String name = DATABASE_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(MARIADB_URL, "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException("MariaDB is required in CI but unreachable at " + MARIADB_URL, ex);
			}
			Assumptions.abort("MariaDB not reachable at " + MARIADB_URL + " (" + ex.getMessage()
					+ "): skipping the MariaDB run of this test");
		}
		return MARIADB_URL + name;
	}

}
