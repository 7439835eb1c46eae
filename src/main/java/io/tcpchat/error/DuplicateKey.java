package io.tcpchat.error;

import java.sql.SQLException;

import org.springframework.dao.DuplicateKeyException;

/**
 * Recognises a unique-key violation, whichever layer wrapped it: Spring's {@link DuplicateKeyException}, or the
 * SQL state underneath (23505 on H2 and most databases; 23000 with error 1062 on MariaDB and MySQL). Such a
 * failure means "someone else just created that", never that the database is down.
 */
public final class DuplicateKey {

	private static final int MARIADB_DUPLICATE_ENTRY = 1062;

	private DuplicateKey() {
	}

	public static boolean isCause(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof DuplicateKeyException) {
				return true;
			}
			if (t instanceof SQLException sql && isDuplicateKey(sql)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDuplicateKey(SQLException ex) {
		String state = ex.getSQLState();
		return "23505".equals(state) || ("23000".equals(state) && ex.getErrorCode() == MARIADB_DUPLICATE_ENTRY);
	}

}
