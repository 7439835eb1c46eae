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

	static String display(AccountName account, String storedName) {
		return (account != null) ? account.display() : AccountName.displayDeleted(storedName);
	}

}
