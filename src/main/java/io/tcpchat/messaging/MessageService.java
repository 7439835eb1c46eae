package io.tcpchat.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelDeletedEvent;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.metrics.ChatMetrics;
import io.tcpchat.presence.AwayStatus;
import io.tcpchat.presence.PresenceService;
import io.tcpchat.text.ChatText;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel messages, direct messages and broadcasts: validated, stored, then delivered. Nobody sees a message
 * (not even its sender's echo) before it is stored.
 */
@Service
public class MessageService {

	private final MessageStore store;

	private final MessageRepository messages;

	private final ChannelService channels;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final Clock clock;

	private final ChatProperties.Limits limits;

	private final AuditLog audit;

	private final ChatMetrics metrics;

	private final PresenceService presence;

	private final List<SendGuard> guards;

	private final AwayStatus away;

	private final Mentions mentions;

	MessageService(MessageStore store, MessageRepository messages, ChannelService channels, AccountService accounts,
			ChatEventBus events, Clock clock, ChatProperties properties, AuditLog audit, ChatMetrics metrics,
			PresenceService presence, List<SendGuard> guards, AwayStatus away, Mentions mentions) {
		this.mentions = mentions;
		this.store = store;
		this.messages = messages;
		this.channels = channels;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.limits = properties.limits();
		this.audit = audit;
		this.metrics = metrics;
		this.presence = presence;
		this.guards = guards;
		this.away = away;
	}

	public CompletableFuture<ChatEvent.ChannelMessage> postToChannel(ChatUser sender, String channel, String text) {
		return post(sender, channel, text, false);
	}

	/** An action, {@code //me waves}: a channel message shown as "* alice waves". */
	public CompletableFuture<ChatEvent.ChannelMessage> postAction(ChatUser sender, String channel, String text) {
		return post(sender, channel, text, true);
	}

	private CompletableFuture<ChatEvent.ChannelMessage> post(ChatUser sender, String channel, String text,
			boolean action) {
		String body = requireText(text);
		requireMaySend(sender);
		String canonical = this.channels.requireMember(sender, channel);
		return this.store
			.store(new StoredMessage(StoredMessage.Kind.CHANNEL, canonical, sender.id(), sender.name(), null, null,
					sender.color(), body, now())
				.action(action)
				.mentions(this.mentions.in(body)))
			.thenApply(m -> publish(toChannelMessage(m, m.sender())));
	}

	/**
	 * Stores and delivers a DM. One sent while the recipient has no session is kept as not delivered and handed
	 * over at their next login ({@link DirectMessageHistory#takeMissed}): a DM is never lost.
	 */
	public CompletableFuture<DirectMessageSent> sendDirect(ChatUser sender, String to, String text) {
		String body = requireText(text);
		requireMaySend(sender);
		ChatUser recipient = this.accounts.requireUser(to);
		boolean online = this.presence.isOnline(recipient.name());
		return this.store
			.store(new StoredMessage(StoredMessage.Kind.DIRECT, null, sender.id(), sender.name(), recipient.id(),
					recipient.name(), sender.color(), body, now())
				.delivered(online))
			.thenApply(m -> new DirectMessageSent(publish(DirectMessageHistory.toEvent(m, m.sender(), m.recipient())),
					online, this.away.tellOnce(recipient.name(), sender.id()).orElse(null)));
	}

	public CompletableFuture<ChatEvent.Broadcast> broadcast(String from, String text) {
		String body = requireText(text);
		this.audit.record(from, AuditAction.BROADCAST, null, body);
		return this.store
			.store(new StoredMessage(StoredMessage.Kind.BROADCAST, null, null, from, null, null, null, body, now()))
			.thenApply(m -> publish(new ChatEvent.Broadcast(m.id(), m.createdAt(), m.sender(), m.body())));
	}

	/**
	 * The last {@code count} messages of a channel before the message {@code before} (any id: the newest),
	 * oldest first. Authors are named by their account: a deleted
	 * author's name is marked ({@link AccountName#display}), so a later holder of a released name is never taken
	 * for the author.
	 */
	@Transactional(readOnly = true)
	public List<ChatEvent.ChannelMessage> history(ChatUser reader, String channel, int count, long before) {
		String canonical = this.channels.requireReadable(reader, channel);
		int limit = Math.max(1, Math.min(count, this.limits.historyMax()));
		List<StoredMessage> page = this.messages.findByKindAndChannelAndIdLessThanOrderByIdDesc(
				StoredMessage.Kind.CHANNEL, canonical, before, Limit.of(limit));
		Map<Long, AccountName> authors = this.accounts
			.names(page.stream().map(StoredMessage::senderId).filter(Objects::nonNull).distinct().toList());
		List<ChatEvent.ChannelMessage> newestFirst = new ArrayList<>(
				page.stream().map(m -> toChannelMessage(m, Authors.display(authors, m.senderId(), m.sender())))
					.toList());
		Collections.reverse(newestFirst);
		return newestFirst;
	}

	@EventListener
	void deleteHistory(ChannelDeletedEvent deleted) {
		this.messages.deleteByChannel(deleted.channel());
	}

	private <E extends ChatEvent> E publish(E event) {
		this.metrics.messageReceived(kindOf(event));
		this.events.publish(event);
		return event;
	}

	private static String kindOf(ChatEvent event) {
		if (event instanceof ChatEvent.DirectMessage) {
			return "direct";
		}
		return (event instanceof ChatEvent.Broadcast) ? "broadcast" : "channel";
	}

	private void requireMaySend(ChatUser sender) {
		this.guards.forEach(guard -> guard.check(sender));
	}

	private String requireText(String text) {
		return MessageText.require(text, this.limits.maxMessageLength());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ChatEvent.ChannelMessage toChannelMessage(StoredMessage m, String from) {
		return new ChatEvent.ChannelMessage(m.id(), m.createdAt(), m.channel(), from, m.color(), m.body(), m.action(),
				m.editedAt(), m.mentions());
	}

}
