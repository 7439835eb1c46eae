package io.tcpchat.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MariaDB databases the tests create do not pile up on the server.
 */
class TestDatabaseTests {

	@Test
	void aCreatedDatabaseIsDroppedAgainAndOthersAreLeftAlone() throws SQLException {
		TestDatabase.assumeMariaDbAvailable();
		String url = TestDatabase.createMariaDbDatabase();
		String name = url.substring(url.lastIndexOf('/') + 1);
		assertThat(exists(name)).isTrue();

		TestDatabase.dropMariaDbDatabase(TestDatabase.MARIADB_URL + "mysql");
		TestDatabase.dropMariaDbDatabase(url);

		assertThat(exists(name)).isFalse();
		assertThat(exists("mysql")).isTrue();
	}

	private static boolean exists(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestDatabase.MARIADB_URL, "root", "");
				ResultSet found = connection.getMetaData().getCatalogs()) {
			while (found.next()) {
				if (found.getString(1).equals(database)) {
					return true;
				}
			}
			return false;
		}
	}

}
