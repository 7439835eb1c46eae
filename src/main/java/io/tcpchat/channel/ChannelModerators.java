package io.tcpchat.channel;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel moderators ({@code //op}, {@code //deop}) and ownership transfer ({@code //give-channel}): the owner's
 * or an admin's decisions, never a moderator's.
 */
@Service
public class ChannelModerators {

	private final ChannelRoles roles;

	private final ChannelRepository channels;

	private final MembershipRepository memberships;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final AuditLog audit;

	ChannelModerators(ChannelRoles roles, ChannelRepository channels, MembershipRepository memberships,
			AccountService accounts, ChatEventBus events, AuditLog audit) {
		this.audit = audit;
		this.roles = roles;
		this.channels = channels;
		this.memberships = memberships;
		this.accounts = accounts;
		this.events = events;
	}

	/** Makes a member a moderator ({@code already-exists} if they are one). */
	@Transactional
	public String op(ChatUser actor, String username, String channelName) {
		return change(actor, username, channelName, true);
	}

	/** Makes a moderator a plain member again ({@code not-found} if they are not one). */
	@Transactional
	public String deop(ChatUser actor, String username, String channelName) {
		return change(actor, username, channelName, false);
	}

	private String change(ChatUser actor, String username, String channelName, boolean moderator) {
		Channel channel = this.roles.requireNotDefault(channelName, "a moderator");
		this.roles.requireOwnerOrAdmin(actor, channel);
		ChatUser member = this.accounts.requireUser(username);
		if (channel.isOwnedBy(member.id())) {
			throw ChatException.invalid(member.name() + " owns #" + channel.name() + ": that is more than a moderator.");
		}
		Membership membership = this.roles.requireMembership(channel, member);
		if (membership.isModerator() == moderator) {
			throw moderator ? ChatException.alreadyExists(member.name() + " moderates #" + channel.name() + " already.")
					: ChatException.notFound(member.name() + " is no moderator of #" + channel.name() + ".");
		}
		membership.moderator(moderator);
		this.memberships.save(membership);
		this.audit.record(actor.name(), moderator ? AuditAction.OP : AuditAction.DEOP, member.name(),
				"#" + channel.name());
		this.events.publishAfterCommit(
				new ChatEvent.ModeratorChanged(channel.name(), member.id(), member.name(), moderator, actor.name(),
						channel.id()));
		return member.name();
	}

	/**
	 * Gives the channel to another member; the old owner stays a member. The new owner stops being a moderator
	 * (an owner is more).
	 */
	@Transactional
	public String give(ChatUser actor, String username, String channelName) {
		Channel channel = this.roles.requireNotDefault(channelName, "giving it away");
		this.roles.requireOwnerOrAdmin(actor, channel);
		ChatUser heir = this.accounts.requireUser(username);
		if (channel.isOwnedBy(heir.id())) {
			throw ChatException.invalid(heir.name() + " owns #" + channel.name() + " already.");
		}
		Membership membership = this.memberships.findByChannelIdAndAccountId(channel.id(), heir.id())
			.filter(Membership::isMember)
			.orElseThrow(() -> ChatException.forbidden(heir.name() + " must be a member of #" + channel.name()
					+ " to own it; //invite them first."));
		if (membership.isModerator()) {
			membership.moderator(false);
			this.memberships.save(membership);
			this.events.publishAfterCommit(
					new ChatEvent.ModeratorChanged(channel.name(), heir.id(), heir.name(), false, actor.name(),
							channel.id()));
		}
		channel.giveTo(heir.id());
		this.channels.save(channel);
		this.audit.record(actor.name(), AuditAction.GIVE_CHANNEL, "#" + channel.name(), "to " + heir.name());
		this.events.publishAfterCommit(
				new ChatEvent.ChannelOwnerChanged(channel.name(), heir.id(), heir.name(), actor.name(), channel.id()));
		return heir.name();
	}

}
