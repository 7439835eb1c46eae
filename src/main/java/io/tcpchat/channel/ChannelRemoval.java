package io.tcpchat.channel;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How channels go: deleted with their memberships and history, and cleaned up once nobody owns them (the owner's
 * account was deleted) and nobody is a member any more: when the owner is deleted while the channel is empty,
 * when its last member leaves, and at start. Runs inside the caller's transaction.
 */
@Component
class ChannelRemoval {

	private final ChannelRepository channels;

	private final MembershipRepository memberships;

	private final ChatEventBus events;

	private final ApplicationEventPublisher applicationEvents;

	private final AuditLog audit;

	private final String defaultChannel;

	ChannelRemoval(ChannelRepository channels, MembershipRepository memberships, ChatEventBus events,
			ApplicationEventPublisher applicationEvents, AuditLog audit, ChatProperties properties) {
		this.channels = channels;
		this.memberships = memberships;
		this.events = events;
		this.applicationEvents = applicationEvents;
		this.audit = audit;
		this.defaultChannel = ChannelNames.normalize(properties.defaultChannel());
	}

	void remove(Channel channel) {
		this.memberships.deleteByChannelId(channel.id());
		this.channels.delete(channel);
		this.applicationEvents.publishEvent(new ChannelDeletedEvent(channel.name()));
		this.events.publishAfterCommit(new ChatEvent.ChannelDeleted(channel.name(), channel.id()));
	}

	/**
	 * A deleted account leaves its channels (the others there see it {@code part}), loses its invitations, and
	 * its channels have no owner any more; those left empty are deleted.
	 */
	@EventListener
	void forgetAccount(AccountDeletedEvent deleted) {
		Set<Long> touched = new LinkedHashSet<>();
		for (Membership membership : this.memberships.findByAccountIdAndKind(deleted.accountId(),
				Membership.Kind.MEMBER)) {
			touched.add(membership.channelId());
		}
		List<Channel> left = touched.isEmpty() ? List.of() : this.channels.findByIdInOrderByNameAsc(touched);
		this.memberships.deleteByAccountId(deleted.accountId());
		left.forEach(channel -> this.events.publishAfterCommit(
				new ChatEvent.MemberLeft(channel.name(), deleted.accountId(), deleted.username(), channel.id())));
		List<Channel> owned = this.channels.findByOwnerId(deleted.accountId());
		for (Channel channel : owned) {
			channel.disown();
			this.channels.save(channel);
			this.events.publishAfterCommit(new ChatEvent.ChannelOwnerChanged(channel.name(), null, null, null, channel.id()));
		}
		left.forEach(this::deleteIfAbandoned);
		owned.forEach(this::deleteIfAbandoned);
	}

	void deleteIfAbandoned(Channel channel) {
		if (channel.ownerId() == null && !channel.name().equals(this.defaultChannel)
				&& this.channels.findByName(channel.name()).isPresent()
				&& this.memberships.countByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER) == 0) {
			remove(channel);
			this.audit.record("server", AuditAction.DELETE_CHANNEL, "#" + channel.name(),
					"abandoned: no owner and no members");
		}
	}

}
