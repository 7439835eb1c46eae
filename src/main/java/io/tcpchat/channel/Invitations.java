package io.tcpchat.channel;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to channels and their undoing: invite, withdraw, list one's own, and take a member out of a
 * channel. The owner, the channel's moderators and admins may do each.
 */
@Service
public class Invitations {

	/** One pending invitation; {@code by} is null when unknown (made before inviters were recorded). */
	public record Pending(String channel, String by, Instant at) {
	}

	private final ChannelRoles roles;

	private final ChannelRepository channels;

	private final MembershipRepository memberships;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final ChannelRemoval removal;

	private final Clock clock;

	private final AuditLog audit;

	Invitations(ChannelRoles roles, ChannelRepository channels, MembershipRepository memberships,
			AccountService accounts, ChatEventBus events, ChannelRemoval removal, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.roles = roles;
		this.channels = channels;
		this.memberships = memberships;
		this.accounts = accounts;
		this.events = events;
		this.removal = removal;
		this.clock = clock;
	}

	/** Lets a user join the (private) channel; the invitee is told, live or at the next login. */
	@Transactional
	public String invite(ChatUser actor, String username, String channelName) {
		Channel channel = this.roles.require(channelName);
		this.roles.requireModerator(actor, channel);
		ChatUser invitee = this.accounts.requireUser(username);
		if (this.memberships.findByChannelIdAndAccountId(channel.id(), invitee.id()).isEmpty()) {
			this.memberships.save(new Membership(channel.id(), invitee.id(), Membership.Kind.INVITED,
					this.clock.instant())
				.invitedBy(actor.id()));
			this.events.publishAfterCommit(
					new ChatEvent.MemberInvited(channel.name(), invitee.id(), invitee.name(), actor.name(), channel.id()));
		}
		return invitee.name();
	}

	/** Withdraws a pending invitation ({@code not-found} when there is none). */
	@Transactional
	public String uninvite(ChatUser actor, String username, String channelName) {
		Channel channel = this.roles.require(channelName);
		this.roles.requireModerator(actor, channel);
		ChatUser invitee = this.accounts.requireUser(username);
		Membership invitation = this.memberships.findByChannelIdAndAccountId(channel.id(), invitee.id())
			.filter(m -> !m.isMember())
			.orElseThrow(() -> ChatException
				.notFound(invitee.name() + " has no pending invitation to #" + channel.name() + "."));
		this.memberships.delete(invitation);
		this.events.publishAfterCommit(
				new ChatEvent.InvitationWithdrawn(channel.name(), invitee.id(), invitee.name(), actor.name(),
						channel.id()));
		return invitee.name();
	}

	/**
	 * Takes a member out of a channel (not the default one); their invitation goes too, so a private channel
	 * stays closed to them. Nobody removes the owner, and only the owner or an admin removes a moderator.
	 */
	@Transactional
	public String remove(ChatUser actor, String username, String channelName) {
		Channel channel = this.roles.requireNotDefault(channelName, "removing a member");
		this.roles.requireModerator(actor, channel);
		ChatUser member = this.accounts.requireUser(username);
		if (member.id() == actor.id()) {
			throw ChatException.invalid("To go yourself, //leave #" + channel.name() + ".");
		}
		if (channel.isOwnedBy(member.id())) {
			throw ChatException.forbidden(member.name() + " owns #" + channel.name() + " and cannot be removed.");
		}
		Membership membership = this.roles.requireMembership(channel, member);
		if (membership.isModerator() && !actor.isAdmin() && !channel.isOwnedBy(actor.id())) {
			throw ChatException.forbidden("Only the owner of #" + channel.name() + " or an admin may remove a moderator.");
		}
		this.memberships.delete(membership);
		this.audit.record(actor.name(), AuditAction.REMOVE, member.name(), "from #" + channel.name());
		this.events.publishAfterCommit(
				new ChatEvent.MemberRemoved(channel.name(), member.id(), member.name(), actor.name(), channel.id()));
		this.removal.deleteIfAbandoned(channel);
		return member.name();
	}

	/** The user's pending invitations, newest first. */
	@Transactional(readOnly = true)
	public List<Pending> pendingFor(ChatUser user) {
		List<Membership> invitations = this.memberships.findByAccountIdAndKind(user.id(), Membership.Kind.INVITED);
		if (invitations.isEmpty()) {
			return List.of();
		}
		Map<Long, String> channelNames = this.channels
			.findByIdInOrderByNameAsc(invitations.stream().map(Membership::channelId).toList())
			.stream()
			.collect(Collectors.toMap(Channel::id, Channel::name));
		Map<Long, AccountName> inviters = this.accounts
			.names(invitations.stream().map(Membership::invitedBy).filter(Objects::nonNull).distinct().toList());
		Function<Membership, String> inviter = m -> (m.invitedBy() == null) ? null
				: inviters.containsKey(m.invitedBy()) ? inviters.get(m.invitedBy()).display() : null;
		return invitations.stream()
			.filter(m -> channelNames.containsKey(m.channelId()))
			.sorted(Comparator.comparing(Membership::createdAt).reversed())
			.map(m -> new Pending(channelNames.get(m.channelId()), inviter.apply(m), m.createdAt()))
			.toList();
	}

}
