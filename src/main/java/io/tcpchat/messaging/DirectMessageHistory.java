package io.tcpchat.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.event.ChatEvent;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading direct messages back: a conversation's history, and what arrived while the user was offline.
 */
@Service
public class DirectMessageHistory {

	private final MessageRepository messages;

	private final AccountService accounts;

	private final int historyMax;

	private final IgnoreService ignores;

	DirectMessageHistory(MessageRepository messages, AccountService accounts, ChatProperties properties,
			IgnoreService ignores) {
		this.messages = messages;
		this.accounts = accounts;
		this.ignores = ignores;
		this.historyMax = properties.limits().historyMax();
	}

	/**
	 * The last {@code count} DMs between the reader and {@code peer} before the message {@code before}, both
	 * directions, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<ChatEvent.DirectMessage> conversation(ChatUser reader, String peer, int count, long before) {
		ChatUser other = this.accounts.requireUser(peer);
		List<StoredMessage> page = this.messages.findConversation(StoredMessage.Kind.DIRECT, reader.id(), other.id(),
				before, Limit.of(Math.max(1, Math.min(count, this.historyMax))));
		return oldestFirst(named(page));
	}

	/**
	 * Hands over the DMs that arrived while the user had no session, and marks them delivered. Costs one indexed
	 * query at login when nothing is waiting.
	 */
	@Transactional
	public MissedDirectMessages takeMissed(ChatUser user) {
		List<Object[]> counts = this.messages.countUndeliveredBySender(user.id());
		if (counts.isEmpty()) {
			return MissedDirectMessages.NONE;
		}
		List<StoredMessage> latest = this.messages.findByRecipientIdAndDeliveredFalseOrderByIdDesc(user.id(),
				Limit.of(this.historyMax));
		this.messages.markDelivered(user.id(), latest.get(0).id());
		// what ignored users sent is not handed over, as it would not have been delivered live
		Set<Long> ignored = this.ignores.ignoredIds(user.id());
		List<Object[]> wanted = counts.stream().filter(row -> !ignored.contains((Long) row[0])).toList();
		if (wanted.isEmpty()) {
			return MissedDirectMessages.NONE;
		}
		List<ChatEvent.DirectMessage> events = oldestFirst(
				named(latest.stream().filter(m -> !ignored.contains(m.senderId())).toList()));
		return new MissedDirectMessages(bySender(wanted, events), events);
	}

	/** Counts per sender name, the sender of the newest message first. */
	private Map<String, Long> bySender(List<Object[]> counts, List<ChatEvent.DirectMessage> oldestFirst) {
		Map<Long, AccountName> names = this.accounts
			.names(counts.stream().map(row -> (Long) row[0]).filter(Objects::nonNull).toList());
		Map<Long, Integer> recency = new LinkedHashMap<>();
		for (int i = oldestFirst.size() - 1; i >= 0; i--) {
			recency.putIfAbsent(oldestFirst.get(i).fromId(), recency.size());
		}
		Map<String, Long> bySender = new LinkedHashMap<>();
		counts.stream()
			.sorted(Comparator.comparing(row -> recency.getOrDefault((Long) row[0], Integer.MAX_VALUE)))
			.forEach(row -> bySender.put(Authors.display(names, (Long) row[0], "?"), (Long) row[1]));
		return bySender;
	}

	/** Events named by the accounts as they are now ({@link Authors}). */
	private List<ChatEvent.DirectMessage> named(List<StoredMessage> page) {
		Map<Long, AccountName> names = Authors.of(this.accounts, page);
		return page.stream()
			.map(m -> toEvent(m, Authors.display(names, m.senderId(), m.sender()),
					Authors.display(names, m.recipientId(), m.recipient())))
			.toList();
	}

	private static List<ChatEvent.DirectMessage> oldestFirst(List<ChatEvent.DirectMessage> newestFirst) {
		List<ChatEvent.DirectMessage> reversed = new ArrayList<>(newestFirst);
		Collections.reverse(reversed);
		return reversed;
	}

	static ChatEvent.DirectMessage toEvent(StoredMessage m, String from, String to) {
		// ids are null only for accounts deleted before identities were kept (migration V3)
		return new ChatEvent.DirectMessage(m.id(), m.createdAt(), idOrZero(m.senderId()), from,
				idOrZero(m.recipientId()), to, m.color(), m.body(), m.editedAt());
	}

	private static long idOrZero(Long id) {
		return (id != null) ? id : 0;
	}

}
