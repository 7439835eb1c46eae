package io.tcpchat.channel;

import java.util.Optional;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.text.ChatText;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel topics: set by the owner, a channel moderator or an admin, cleared with {@code -} (or nothing visible);
 * read from memory ({@link ChannelDirectory}), which the {@code TopicChanged} event keeps current.
 */
@Service
public class ChannelTopics {

	public static final int MAX_LENGTH = 300;

	/** The word that clears a topic. */
	public static final String CLEAR = "-";

	private final ChannelRoles roles;

	private final ChannelRepository channels;

	private final ChannelDirectory directory;

	private final ChatEventBus events;

	private final AuditLog audit;

	ChannelTopics(ChannelRoles roles, ChannelRepository channels, ChannelDirectory directory, ChatEventBus events,
			AuditLog audit) {
		this.audit = audit;
		this.roles = roles;
		this.channels = channels;
		this.directory = directory;
		this.events = events;
	}

	/** @return the new topic (cleaned as a message is), or empty when it was cleared */
	@Transactional
	public Optional<String> set(ChatUser actor, String channelName, String text) {
		Channel channel = this.roles.require(channelName);
		this.roles.requireModerator(actor, channel);
		String topic = (text == null || text.strip().equals(CLEAR) || !ChatText.hasVisible(text)) ? null
				: ChatText.clean(text);
		if (topic != null && topic.length() > MAX_LENGTH) {
			throw ChatException.invalid("A topic has at most " + MAX_LENGTH + " characters.");
		}
		channel.changeTopic(topic);
		this.channels.save(channel);
		this.audit.record(actor.name(), AuditAction.TOPIC, "#" + channel.name(), (topic != null) ? topic : "cleared");
		this.events.publishAfterCommit(new ChatEvent.TopicChanged(channel.name(), topic, actor.name(), channel.id()));
		return Optional.ofNullable(topic);
	}

	/** The topic of a channel (canonical name), from memory; empty when it has none or does not exist. */
	public Optional<String> of(String canonical) {
		return this.directory.find(canonical).map(entry -> entry.topic);
	}

}
