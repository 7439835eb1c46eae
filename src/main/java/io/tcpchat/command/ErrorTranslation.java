package io.tcpchat.command;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.DuplicateKey;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.text.ChatText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Turns any failure into the refusal a user sees: our own refusals pass through, a unique-key violation (two
 * people creating the same thing at once) becomes {@code already-exists}, other database trouble
 * {@code unavailable}, anything else {@code internal-error} (and is logged). TCP and REST both answer through here.
 */
public final class ErrorTranslation {

	private static final Logger log = LoggerFactory.getLogger(ErrorTranslation.class);

	private ErrorTranslation() {
	}

	public static ChatException translate(Throwable failure) {
		if (failure instanceof ChatException chat) {
			return chat;
		}
		if (DuplicateKey.isCause(failure)) {
			return ChatException.alreadyExists("Someone else did the same at the same moment; nothing was changed.");
		}
		if (failure instanceof DataAccessException || failure instanceof TransactionException) {
			log.warn("Database unavailable: {}", ChatText.forLog(failure.getMessage(), 500));
			return new ChatException(ErrorCode.UNAVAILABLE,
					"The database is unavailable right now; nothing was changed. Try again shortly.");
		}
		log.error("Unexpected failure", failure);
		return new ChatException(ErrorCode.INTERNAL, "Something went wrong on our side.");
	}

}
