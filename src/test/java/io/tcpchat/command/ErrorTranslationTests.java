package io.tcpchat.command;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorTranslationTests {

	@Test
	void aUniqueKeyViolationIsAlreadyExistsWhateverWrapsIt() {
		assertThat(code(new DuplicateKeyException("uk_ban_username"))).isEqualTo(ErrorCode.ALREADY_EXISTS);
		// H2 (and the SQL standard): 23505
		assertThat(code(new DataIntegrityViolationException("insert",
				new RuntimeException(new SQLIntegrityConstraintViolationException("dup", "23505")))))
			.isEqualTo(ErrorCode.ALREADY_EXISTS);
		// MariaDB: 23000 with error 1062
		assertThat(code(new DataIntegrityViolationException("insert",
				new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062))))
			.isEqualTo(ErrorCode.ALREADY_EXISTS);
	}

	@Test
	void otherIntegrityViolationsAndOutagesAreUnavailable() {
		assertThat(code(new DataIntegrityViolationException("not null",
				new SQLIntegrityConstraintViolationException("null", "23502"))))
			.isEqualTo(ErrorCode.UNAVAILABLE);
		assertThat(code(new DataAccessResourceFailureException("down", new SQLException("refused", "08001"))))
			.isEqualTo(ErrorCode.UNAVAILABLE);
		assertThat(code(new CannotCreateTransactionException("no connection"))).isEqualTo(ErrorCode.UNAVAILABLE);
		assertThat(code(new IllegalStateException("bug"))).isEqualTo(ErrorCode.INTERNAL);
	}

	private static ErrorCode code(Throwable failure) {
		return ErrorTranslation.translate(failure).code();
	}

}
