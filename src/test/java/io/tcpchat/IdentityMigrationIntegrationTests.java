package io.tcpchat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tcpchat.auth.Usernames;
import io.tcpchat.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V3 turns the names of a database made by an older version into account ids, on H2 and (with
 * {@code -Dchat.test.database=mariadb}) on MariaDB: owners, members, invitations and message authors follow
 * the account; rows of accounts that no longer exist go; the skeletons match {@link Usernames#skeleton}.
 */
class IdentityMigrationIntegrationTests {

	@Test
	void namesBecomeAccountIds() throws SQLException {
		TestDatabase.assumeAvailable();
		String url = TestDatabase.mariadbSelected() ? TestDatabase.createMariaDbDatabase()
				: "jdbc:h2:mem:migration-" + UUID.randomUUID()
						+ ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		String user = TestDatabase.mariadbSelected() ? "root" : "sa";
		Flyway.configure().dataSource(url, user, "").target("2").load().migrate();
		try (Connection connection = DriverManager.getConnection(url, user, "");
				Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO account (id, username, username_key, password_hash, roles, color, created_at)"
					+ " VALUES (1, 'alice', 'alice', 'x', 'USER', '#000000', NOW()),"
					+ " (2, 'aIice', 'aiice', 'x', 'USER', '#000000', NOW()),"
					+ " (3, 'Frank.Old', 'frank.old', 'x', 'USER', '#000000', NOW()),"
					+ " (4, 'B0rn', 'b0rn', 'x', 'USER', '#000000', NOW())");
			sql.execute("INSERT INTO channel (id, name, private_channel, owner, created_at) VALUES"
					+ " (1, 'general', FALSE, NULL, NOW()), (2, 'boardroom', TRUE, 'Frank.Old', NOW()),"
					+ " (3, 'orphan', FALSE, 'ghost', NOW())");
			sql.execute("INSERT INTO channel_member (channel_id, username, username_key, kind, created_at) VALUES"
					+ " (2, 'Frank.Old', 'frank.old', 'MEMBER', NOW()), (2, 'alice', 'alice', 'INVITED', NOW()),"
					+ " (3, 'ghost', 'ghost', 'MEMBER', NOW())");
			sql.execute("INSERT INTO message (id, kind, channel, sender, recipient, body, created_at) VALUES"
					+ " (1, 'CHANNEL', 'boardroom', 'Frank.Old', NULL, 'plans', NOW()),"
					+ " (2, 'CHANNEL', 'orphan', 'ghost', NULL, 'boo', NOW()),"
					+ " (3, 'DIRECT', NULL, 'alice', 'FRANK.OLD', 'psst', NOW())");

			Flyway.configure().dataSource(url, user, "").load().migrate();

			assertThat(rows(sql, "SELECT id, skeleton FROM account ORDER BY id")).containsExactly("1 alice",
					"2 null", "3 " + Usernames.skeleton("Frank.Old"), "4 " + Usernames.skeleton("B0rn"));
			assertThat(rows(sql, "SELECT name, owner_id FROM channel ORDER BY id")).containsExactly("general null",
					"boardroom 3", "orphan null");
			assertThat(rows(sql, "SELECT channel_id, account_id, kind FROM channel_member ORDER BY id"))
				.containsExactly("2 3 MEMBER", "2 1 INVITED");
			assertThat(rows(sql, "SELECT id, sender_id, recipient_id FROM message ORDER BY id"))
				.containsExactly("1 3 null", "2 null null", "3 1 3");
		}
	}

	private static List<String> rows(Statement sql, String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (ResultSet result = sql.executeQuery(query)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					values.add(String.valueOf(result.getString(i)));
				}
				rows.add(String.join(" ", values));
			}
		}
		return rows;
	}

}
