package io.tcpchat.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.command.Arguments;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code //edit} and {@code //unsend}: the author changes or takes back a channel message or DM within
 * {@code chat.limits.edit-window} of sending it. Everyone who got it is told; history shows the change.
 */
@Service
public class MessageEditing {

	/** Instead of an id: the author's latest message. */
	public static final String LAST = "last";

	private final MessageRepository messages;

	private final MessageStore store;

	private final ChatEventBus events;

	private final Clock clock;

	private final Duration window;

	private final int maxLength;

	private final List<SendGuard> guards;

	private final Mentions mentions;

	MessageEditing(MessageRepository messages, MessageStore store, ChatEventBus events, Clock clock, ChatProperties properties,
			List<SendGuard> guards, Mentions mentions) {
		this.mentions = mentions;
		this.messages = messages;
		this.store = store;
		this.events = events;
		this.clock = clock;
		this.window = properties.limits().editWindow();
		this.maxLength = properties.limits().maxMessageLength();
		this.guards = guards;
	}

	@Transactional
	public ChatEvent.MessageEdited edit(ChatUser author, String idOrLast, String text) {
		String body = MessageText.require(text, this.maxLength);
		this.guards.forEach(guard -> guard.check(author));
		StoredMessage message = requireOwnRecent(author, idOrLast);
		message.edit(body, this.clock.instant().truncatedTo(ChronoUnit.MILLIS));
		if (message.channel() != null) {
			message.mentions(this.mentions.in(body));
		}
		ChatEvent.MessageEdited edited = new ChatEvent.MessageEdited(message.id(), message.channel(), author.id(),
				author.name(), message.recipientId(), message.recipient(), body, message.editedAt());
		publishAfterCommit(message, edited);
		return edited;
	}

	@Transactional
	public ChatEvent.MessageUnsent unsend(ChatUser author, String idOrLast) {
		StoredMessage message = requireOwnRecent(author, idOrLast);
		this.messages.delete(message);
		ChatEvent.MessageUnsent unsent = new ChatEvent.MessageUnsent(message.id(), message.channel(), author.id(),
				author.name(), message.recipientId(), message.recipient());
		publishAfterCommit(message, unsent);
		return unsent;
	}

	/** Once committed, on the message's delivery lane, so the news never overtakes the message itself. */
	private void publishAfterCommit(StoredMessage message, ChatEvent news) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				MessageEditing.this.store.afterOnItsLane(message, () -> MessageEditing.this.events.publish(news));
			}
		});
	}

	private StoredMessage requireOwnRecent(ChatUser author, String idOrLast) {
		Optional<StoredMessage> found = LAST.equalsIgnoreCase(idOrLast)
				? this.messages.findFirstBySenderIdAndKindNotOrderByIdDesc(author.id(), StoredMessage.Kind.BROADCAST)
				: this.messages.findById(Arguments.parsePositive(idOrLast, "id"));
		// someone else's message is "not found" too: ids must not tell what exists
		StoredMessage message = found
			.filter(m -> m.kind() != StoredMessage.Kind.BROADCAST && Long.valueOf(author.id()).equals(m.senderId()))
			.orElseThrow(() -> ChatException.notFound(LAST.equalsIgnoreCase(idOrLast) ? "You have sent no message."
					: "You sent no message #" + idOrLast + "."));
		if (message.createdAt().plus(this.window).isBefore(this.clock.instant())) {
			throw ChatException.forbidden("A message can be changed for " + this.window.toMinutes()
					+ " minutes after sending; #" + message.id() + " is older.");
		}
		return message;
	}

}
