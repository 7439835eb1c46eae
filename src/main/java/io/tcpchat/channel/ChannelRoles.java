package io.tcpchat.channel;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Who may do what in one channel, read from the database inside the caller's transaction: the owner and admins
 * may do everything; channel moderators ({@code //op}) may invite, uninvite, remove members and set the topic,
 * but never delete the channel, give it away or make moderators.
 */
@Component
class ChannelRoles {

	private final ChannelRepository channels;

	private final MembershipRepository memberships;

	private final String defaultChannel;

	ChannelRoles(ChannelRepository channels, MembershipRepository memberships, ChatProperties properties) {
		this.channels = channels;
		this.memberships = memberships;
		this.defaultChannel = ChannelNames.normalize(properties.defaultChannel());
	}

	Channel require(String name) {
		String canonical = ChannelNames.normalize(name);
		return this.channels.findByName(canonical)
			.orElseThrow(() -> ChatException.notFound("There is no channel #" + canonical + "."));
	}

	/** The channel, unless it is the default one, which belongs to everybody and is never changed like this. */
	Channel requireNotDefault(String name, String what) {
		Channel channel = require(name);
		if (channel.name().equals(this.defaultChannel)) {
			throw new ChatException(ErrorCode.PROTECTED, "#" + this.defaultChannel + " is everybody's: " + what
					+ " is not possible there.");
		}
		return channel;
	}

	void requireOwnerOrAdmin(ChatUser actor, Channel channel) {
		if (!actor.isAdmin() && !channel.isOwnedBy(actor.id())) {
			throw ChatException.forbidden("Only the owner of #" + channel.name() + " or an admin may do that.");
		}
	}

	void requireModerator(ChatUser actor, Channel channel) {
		if (!actor.isAdmin() && !channel.isOwnedBy(actor.id()) && !isModerator(channel, actor.id())) {
			throw ChatException.forbidden(
					"Only the owner of #" + channel.name() + ", its moderators or an admin may do that.");
		}
	}

	boolean isModerator(Channel channel, long accountId) {
		return this.memberships.findByChannelIdAndAccountId(channel.id(), accountId)
			.filter(m -> m.isMember() && m.isModerator())
			.isPresent();
	}

	/** The user's membership (not an invitation), or {@code not-found}. */
	Membership requireMembership(Channel channel, ChatUser user) {
		return this.memberships.findByChannelIdAndAccountId(channel.id(), user.id())
			.filter(Membership::isMember)
			.orElseThrow(() -> ChatException.notFound(user.name() + " is not in #" + channel.name() + "."));
	}

}
