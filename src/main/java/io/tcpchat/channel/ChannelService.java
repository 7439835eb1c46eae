package io.tcpchat.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.DuplicateKey;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Channels and who belongs to them: public channels anyone may join, private ones by invitation, one default
 * channel everybody is in. Owners, members and invitations are accounts (by id), never names. A channel nobody
 * owns any more (its owner's account was deleted) is deleted with its history once it has no members.
 */
@Service
public class ChannelService {

	private final ChannelRepository channels;

	private final MembershipRepository memberships;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final Clock clock;

	private final AuditLog audit;

	private final String defaultChannel;

	private final ChatProperties.Limits limits;

	private final ChannelCreationLimit creationLimit;

	private final ChannelRemoval removal;

	private final TransactionTemplate transactions;

	ChannelService(ChannelRepository channels, MembershipRepository memberships, AccountService accounts,
			ChatEventBus events, Clock clock,
			ChatProperties properties, AuditLog audit, ChannelCreationLimit creationLimit, ChannelRemoval removal,
			TransactionTemplate transactions) {
		this.removal = removal;
		this.channels = channels;
		this.memberships = memberships;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.defaultChannel = ChannelNames.normalize(properties.defaultChannel());
		this.limits = properties.limits();
		this.audit = audit;
		this.creationLimit = creationLimit;
		this.transactions = transactions;
	}

	public String defaultChannel() {
		return this.defaultChannel;
	}

	@Transactional
	public void ensureDefaultChannel() {
		if (this.channels.findByName(this.defaultChannel).isEmpty()) {
			this.channels.save(new Channel(this.defaultChannel, false, null, this.clock.instant()));
		}
	}

	/** Deletes the channels nobody owns or is in any more (e.g. left so by a version that kept them). */
	@Transactional
	public void deleteAbandoned() {
		this.channels.findAbandoned().forEach(this.removal::deleteIfAbandoned);
	}

	/**
	 * Puts the user in the default channel if not yet there.
	 * @return every channel the user is a member of, the default one first
	 */
	public List<String> channelsAtLogin(ChatUser user) {
		return inTransactionAgainIfRaced(() -> {
			addMember(require(this.defaultChannel), user);
			List<String> names = new ArrayList<>(channelsOf(user.id()));
			names.remove(this.defaultChannel);
			names.add(0, this.defaultChannel);
			return names;
		});
	}

	/**
	 * Joins, creating a public channel if absent. Private channels need an invitation. A new channel is created
	 * and joined in one transaction, so a refused join (channel limit) creates nothing; when two users create the
	 * same channel at once the loser simply joins it.
	 */
	public String join(ChatUser user, String name) {
		String canonical = ChannelNames.normalize(name);
		if (this.channels.findByName(canonical).isEmpty()) {
			try {
				return this.transactions.execute(status -> createAndJoin(user, canonical, false));
			}
			catch (ChatException ex) {
				if (ex.code() != ErrorCode.ALREADY_EXISTS) {
					throw ex;
				}
				// someone else created it between the look-up and the insert: join theirs
			}
		}
		return inTransactionAgainIfRaced(() -> joinExisting(user, canonical));
	}

	/**
	 * Runs {@code work} in a transaction, and once more if it collided with the same insert made at the same
	 * moment (two sessions of a new user logging in at once, a double join): the second run finds the row and
	 * has nothing left to do.
	 */
	private <T> T inTransactionAgainIfRaced(Supplier<T> work) {
		try {
			return this.transactions.execute(status -> work.get());
		}
		catch (DataAccessException ex) {
			if (!DuplicateKey.isCause(ex)) {
				throw ex;
			}
			return this.transactions.execute(status -> work.get());
		}
	}

	private String joinExisting(ChatUser user, String canonical) {
		Channel channel = require(canonical);
		if (channel.isPrivate() && !mayEnterPrivate(user, channel)) {
			throw ChatException.forbidden("#" + canonical + " is private; you need an invitation.");
		}
		addMember(channel, user);
		return canonical;
	}

	@Transactional
	public String createChannel(ChatUser user, String name, boolean isPrivate) {
		String canonical = ChannelNames.normalize(name);
		if (this.channels.findByName(canonical).isPresent()) {
			throw ChatException.alreadyExists("#" + canonical + " exists already.");
		}
		return createAndJoin(user, canonical, isPrivate);
	}

	private String createAndJoin(ChatUser user, String canonical, boolean isPrivate) {
		this.creationLimit.check(user);
		Channel channel;
		try {
			channel = this.channels.save(new Channel(canonical, isPrivate, user.id(), this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw ChatException.alreadyExists("#" + canonical + " exists already.");
		}
		addMember(channel, user);
		this.events.publishAfterCommit(new ChatEvent.ChannelCreated(canonical, isPrivate, user.id()));
		this.creationLimit.record(user);
		return canonical;
	}

	@Transactional
	public String leave(ChatUser user, String name) {
		Channel channel = require(name);
		if (channel.name().equals(this.defaultChannel)) {
			throw new ChatException(ErrorCode.PROTECTED, "Everyone stays in #" + this.defaultChannel + ".");
		}
		Membership membership = this.memberships.findByChannelIdAndAccountId(channel.id(), user.id())
			.filter(m -> m.kind() == Membership.Kind.MEMBER)
			.orElseThrow(() -> ChatException.notFound("You are not in #" + channel.name() + "."));
		this.memberships.delete(membership);
		this.events.publishAfterCommit(new ChatEvent.MemberLeft(channel.name(), user.id(), user.name()));
		this.removal.deleteIfAbandoned(channel);
		return channel.name();
	}

	@Transactional
	public String invite(ChatUser actor, String username, String channelName) {
		Channel channel = require(channelName);
		requireOwnerOrAdmin(actor, channel);
		ChatUser invitee = this.accounts.requireUser(username);
		if (this.memberships.findByChannelIdAndAccountId(channel.id(), invitee.id()).isEmpty()) {
			this.memberships
				.save(new Membership(channel.id(), invitee.id(), Membership.Kind.INVITED, this.clock.instant()));
			this.events.publishAfterCommit(new ChatEvent.MemberInvited(channel.name(), invitee.id(), invitee.name()));
		}
		return invitee.name();
	}

	/** Checks that {@code actor} may delete the channel, without deleting it. */
	@Transactional(readOnly = true)
	public ChannelInfo requireDeletable(ChatUser actor, String name) {
		Channel channel = requireDeletableChannel(actor, name);
		return info(channel, this.memberships.countByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER));
	}

	/**
	 * Deletes a channel with its members and history; its members get {@code part}. An owner may delete it only
	 * while nobody else is a member; otherwise it takes an admin.
	 */
	@Transactional
	public void delete(ChatUser actor, String name) {
		Channel channel = requireDeletableChannel(actor, name);
		this.removal.remove(channel);
		this.audit.record(actor.name(), AuditAction.DELETE_CHANNEL, "#" + channel.name(),
				channel.isOwnedBy(actor.id()) ? "by its owner" : null);
	}

	/** Checks that the user may post to and read the channel. */
	@Transactional(readOnly = true)
	public String requireMember(ChatUser user, String name) {
		Channel channel = require(name);
		if (!isMember(channel, user)) {
			throw ChatException.forbidden("You are not in #" + channel.name() + "; //join it first.");
		}
		return channel.name();
	}

	/** Whether the user may read the channel's history: members, and anyone for public channels. */
	@Transactional(readOnly = true)
	public String requireReadable(ChatUser user, String name) {
		Channel channel = require(name);
		if (channel.isPrivate() && !isMember(channel, user) && !user.isAdmin()) {
			throw ChatException.forbidden("#" + channel.name() + " is private.");
		}
		return channel.name();
	}

	@Transactional(readOnly = true)
	public List<String> memberNames(String name) {
		Channel channel = require(name);
		List<Long> ids = this.memberships.findByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER)
			.stream()
			.map(Membership::accountId)
			.toList();
		return this.accounts.names(ids)
			.values()
			.stream()
			.map(AccountName::name)
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<String> channelsOf(long accountId) {
		List<Long> ids = this.memberships.findByAccountIdAndKind(accountId, Membership.Kind.MEMBER)
			.stream()
			.map(Membership::channelId)
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.channels.findByIdInOrderByNameAsc(ids).stream().map(Channel::name).toList();
	}

	/** Public channels and the private ones the user belongs to (admins see all). */
	@Transactional(readOnly = true)
	public List<ChannelInfo> visibleTo(ChatUser user) {
		List<String> mine = channelsOf(user.id());
		return all().stream().filter(c -> !c.isPrivate() || user.isAdmin() || mine.contains(c.name())).toList();
	}

	@Transactional(readOnly = true)
	public List<ChannelInfo> all() {
		List<Channel> list = this.channels.findAllByOrderByNameAsc();
		Map<Long, Long> counts = new HashMap<>();
		if (!list.isEmpty()) {
			for (Object[] row : this.memberships.countMembers(list.stream().map(Channel::id).toList())) {
				counts.put((Long) row[0], (Long) row[1]);
			}
		}
		Map<Long, AccountName> owners = this.accounts
			.names(list.stream().map(Channel::ownerId).filter(id -> id != null).distinct().toList());
		return list.stream()
			.map(c -> new ChannelInfo(c.name(), c.isPrivate(), ownerName(c, owners), counts.getOrDefault(c.id(), 0L)))
			.toList();
	}

	private ChannelInfo info(Channel channel, long members) {
		Map<Long, AccountName> owners = (channel.ownerId() == null) ? Map.of()
				: this.accounts.names(List.of(channel.ownerId()));
		return new ChannelInfo(channel.name(), channel.isPrivate(), ownerName(channel, owners), members);
	}

	private static String ownerName(Channel channel, Map<Long, AccountName> owners) {
		AccountName owner = (channel.ownerId() == null) ? null : owners.get(channel.ownerId());
		return (owner == null) ? null : owner.name();
	}

	private void addMember(Channel channel, ChatUser user) {
		Optional<Membership> existing = this.memberships.findByChannelIdAndAccountId(channel.id(), user.id());
		if (existing.isPresent() && existing.get().kind() == Membership.Kind.MEMBER) {
			return;
		}
		requireRoom(channel, user);
		if (existing.isPresent()) {
			existing.get().promoteToMember();
			this.memberships.save(existing.get());
		}
		else {
			this.memberships.save(new Membership(channel.id(), user.id(), Membership.Kind.MEMBER, this.clock.instant()));
		}
		this.events.publishAfterCommit(new ChatEvent.MemberJoined(channel.name(), user.id(), user.name()));
	}

	/** The default channel is exempt: everybody is in it, and it does not count towards a user's channels. */
	private void requireRoom(Channel channel, ChatUser user) {
		if (channel.name().equals(this.defaultChannel)) {
			return;
		}
		long joined = this.memberships.countByAccountIdAndKind(user.id(), Membership.Kind.MEMBER) - 1;
		if (joined >= this.limits.maxChannelsPerUser()) {
			throw ChatException.forbidden("You are in " + this.limits.maxChannelsPerUser()
					+ " channels besides #" + this.defaultChannel + ", the most allowed; leave one first.");
		}
		if (this.memberships.countByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER) >= this.limits
			.maxMembersPerChannel()) {
			throw ChatException.forbidden("#" + channel.name() + " is full (" + this.limits.maxMembersPerChannel()
					+ " members).");
		}
	}

	private Channel requireDeletableChannel(ChatUser actor, String name) {
		Channel channel = require(name);
		if (channel.name().equals(this.defaultChannel)) {
			throw new ChatException(ErrorCode.PROTECTED,
					"The default channel #" + this.defaultChannel + " cannot be deleted.");
		}
		requireOwnerOrAdmin(actor, channel);
		if (!actor.isAdmin() && hasOtherMembers(channel, actor)) {
			throw ChatException.forbidden("#" + channel.name()
					+ " has other members; its owner may delete it only while alone in it. Ask an admin.");
		}
		return channel;
	}

	private boolean hasOtherMembers(Channel channel, ChatUser actor) {
		long members = this.memberships.countByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER);
		return members > (isMember(channel, actor) ? 1 : 0);
	}

	private boolean mayEnterPrivate(ChatUser user, Channel channel) {
		return user.isAdmin() || channel.isOwnedBy(user.id())
				|| this.memberships.findByChannelIdAndAccountId(channel.id(), user.id()).isPresent();
	}

	private boolean isMember(Channel channel, ChatUser user) {
		return this.memberships.findByChannelIdAndAccountId(channel.id(), user.id())
			.filter(m -> m.kind() == Membership.Kind.MEMBER)
			.isPresent();
	}

	private void requireOwnerOrAdmin(ChatUser actor, Channel channel) {
		if (!actor.isAdmin() && !channel.isOwnedBy(actor.id())) {
			throw ChatException.forbidden("Only the owner of #" + channel.name() + " or an admin may do that.");
		}
	}

	private Channel require(String name) {
		String canonical = ChannelNames.normalize(name);
		return this.channels.findByName(canonical)
			.orElseThrow(() -> ChatException.notFound("There is no channel #" + canonical + "."));
	}

}
