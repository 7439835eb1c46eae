package io.tcpchat.messaging;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;

/**
 * Names the people of stored messages by their accounts as they are now: a deleted account's name is marked, so a
 * later holder of a released name is never taken for the author.
 */
final class Authors {

	private Authors() {
	}

	/** The accounts of the senders and recipients of these messages, by id. */
	static Map<Long, AccountName> of(AccountService accounts, List<StoredMessage> messages) {
		return accounts.names(messages.stream()
			.flatMap(m -> Stream.of(m.senderId(), m.recipientId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
	}

	/**
	 * The name to show for account {@code id} among {@code names}; the stored name, marked deleted, where the
	 * account is gone or the id is null (authors deleted before identities were kept).
	 */
	static String display(Map<Long, AccountName> names, Long id, String storedName) {
		AccountName account = (id != null) ? names.get(id) : null;
		return (account != null) ? account.display() : AccountName.displayDeleted(storedName);
	}

}
