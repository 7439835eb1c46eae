package io.tcpchat.messaging;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.event.ChatEvent;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code //search}: messages the reader may read that contain every word, newest first. Without a scope it searches
 * the reader's channels and DMs; {@code #channel} searches one readable channel, {@code @user} one conversation.
 */
@Service
public class MessageSearch {

	/** A search hit: a channel message or a DM. */
	public sealed interface Hit permits ChannelHit, DirectHit {

		long id();

	}

	public record ChannelHit(ChatEvent.ChannelMessage message) implements Hit {

		@Override
		public long id() {
			return this.message.id();
		}

	}

	public record DirectHit(ChatEvent.DirectMessage message) implements Hit {

		@Override
		public long id() {
			return this.message.id();
		}

	}

	private final EntityManager entityManager;

	private final ChannelService channels;

	private final AccountService accounts;

	private final int historyMax;

	private final boolean fullTextIndex;

	MessageSearch(EntityManager entityManager, ChannelService channels, AccountService accounts,
			ChatProperties properties, DataSource dataSource) throws MetaDataAccessException {
		this.entityManager = entityManager;
		this.channels = channels;
		this.accounts = accounts;
		this.historyMax = properties.limits().historyMax();
		this.fullTextIndex = "MariaDB".equalsIgnoreCase(
				JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
	}

	/**
	 * @param scope {@code #channel}, {@code @user}, or null for all the reader's channels and DMs
	 * @param before only messages with a smaller id ({@link Long#MAX_VALUE}: the newest)
	 */
	@Transactional(readOnly = true)
	public List<Hit> search(ChatUser reader, String scope, String words, int count, long before) {
		SearchQuery query = SearchQuery.parse(words);
		List<Object> parameters = new ArrayList<>();
		StringBuilder sql = new StringBuilder("select * from message where id < ?");
		parameters.add(before);
		sql.append(" and (").append(scope(reader, scope, parameters)).append(')');
		for (String pattern : query.patterns()) {
			sql.append(this.fullTextIndex ? " and body regexp ?" : " and regexp_like(body, ?)");
			parameters.add(pattern);
		}
		String fullText = query.fullText();
		if (this.fullTextIndex && !fullText.isEmpty()) {
			sql.append(" and match(body) against (? in boolean mode)");
			parameters.add(fullText);
		}
		sql.append(" order by id desc limit ").append(Math.max(1, Math.min(count, this.historyMax)));
		Query nativeQuery = this.entityManager.createNativeQuery(sql.toString(), StoredMessage.class);
		for (int i = 0; i < parameters.size(); i++) {
			nativeQuery.setParameter(i + 1, parameters.get(i));
		}
		@SuppressWarnings("unchecked")
		List<StoredMessage> found = nativeQuery.getResultList();
		return named(found);
	}

	private String scope(ChatUser reader, String scope, List<Object> parameters) {
		if (scope != null && scope.startsWith("@")) {
			ChatUser other = this.accounts.requireUser(scope.substring(1));
			parameters.addAll(List.of(reader.id(), other.id(), other.id(), reader.id()));
			return "kind = 'DIRECT' and ((sender_id = ? and recipient_id = ?) or (sender_id = ? and recipient_id = ?))";
		}
		if (scope != null) {
			parameters.add(this.channels.requireReadable(reader, scope));
			return "kind = 'CHANNEL' and channel = ?";
		}
		parameters.addAll(List.of(reader.id(), reader.id()));
		String directs = "kind = 'DIRECT' and (sender_id = ? or recipient_id = ?)";
		List<String> mine = this.channels.channelsOf(reader.id());
		if (mine.isEmpty()) {
			return directs;
		}
		parameters.addAll(mine);
		return directs + " or (kind = 'CHANNEL' and channel in (" + "?, ".repeat(mine.size() - 1) + "?))";
	}

	private List<Hit> named(List<StoredMessage> found) {
		Map<Long, AccountName> names = Authors.of(this.accounts, found);
		return found.stream().map(m -> hit(m, names)).toList();
	}

	private static Hit hit(StoredMessage m, Map<Long, AccountName> names) {
		String from = Authors.display(names, m.senderId(), m.sender());
		if (m.kind() == StoredMessage.Kind.DIRECT) {
			String to = Authors.display(names, m.recipientId(), m.recipient());
			return new DirectHit(DirectMessageHistory.toEvent(m, from, to));
		}
		return new ChannelHit(new ChatEvent.ChannelMessage(m.id(), m.createdAt(), m.channel(), from, m.color(),
				m.body(), m.action(), m.editedAt(), m.mentions()));
	}

}
