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
import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Usernames;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.DuplicateKey;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Channels and who belongs to them: public channels anyone may join, private ones by invitation, one default
 * channel everybody is in.
 */
@Service
public class ChannelService {

	private final ChannelRepository channels;

	private final MembershipRepository memberships;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final ApplicationEventPublisher applicationEvents;

	private final Clock clock;

	private final AuditLog audit;

	private final String defaultChannel;

	private final ChatProperties.Limits limits;

	private final TransactionTemplate transactions;

	ChannelService(ChannelRepository channels, MembershipRepository memberships, AccountService accounts,
			ChatEventBus events, ApplicationEventPublisher applicationEvents, Clock clock,
			ChatProperties properties, AuditLog audit, TransactionTemplate transactions) {
		this.channels = channels;
		this.memberships = memberships;
		this.accounts = accounts;
		this.events = events;
		this.applicationEvents = applicationEvents;
		this.clock = clock;
		this.defaultChannel = ChannelNames.normalize(properties.defaultChannel());
		this.limits = properties.limits();
		this.audit = audit;
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

	/**
	 * Puts the user in the default channel if not yet there.
	 * @return every channel the user is a member of, the default one first
	 */
	public List<String> channelsAtLogin(ChatUser user) {
		return inTransactionAgainIfRaced(() -> {
			addMember(require(this.defaultChannel), user);
			List<String> names = new ArrayList<>(channelsOf(user.name()));
			names.remove(this.defaultChannel);
			names.add(0, this.defaultChannel);
			return names;
		});
	}

	/**
	 * Joins, creating a public channel if absent. Private channels need an invitation. The creation runs in a
	 * transaction of its own, so that when two users create the same channel at once the loser simply joins it.
	 */
	public String join(ChatUser user, String name) {
		String canonical = ChannelNames.normalize(name);
		if (this.channels.findByName(canonical).isEmpty()) {
			try {
				this.transactions.executeWithoutResult(status -> create(canonical, false, user));
			}
			catch (RuntimeException createdConcurrently) {
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
		addMember(create(canonical, isPrivate, user), user);
		return canonical;
	}

	@Transactional
	public String leave(ChatUser user, String name) {
		Channel channel = require(name);
		if (channel.name().equals(this.defaultChannel)) {
			throw new ChatException(ErrorCode.PROTECTED, "Everyone stays in #" + this.defaultChannel + ".");
		}
		Membership membership = this.memberships
			.findByChannelIdAndUsernameKey(channel.id(), Usernames.key(user.name()))
			.filter(m -> m.kind() == Membership.Kind.MEMBER)
			.orElseThrow(() -> ChatException.notFound("You are not in #" + channel.name() + "."));
		this.memberships.delete(membership);
		this.events.publishAfterCommit(new ChatEvent.MemberLeft(channel.name(), user.name()));
		return channel.name();
	}

	@Transactional
	public String invite(ChatUser actor, String username, String channelName) {
		Channel channel = require(channelName);
		requireOwnerOrAdmin(actor, channel);
		ChatUser invitee = this.accounts.requireUser(username);
		String key = Usernames.key(invitee.name());
		if (this.memberships.findByChannelIdAndUsernameKey(channel.id(), key).isEmpty()) {
			this.memberships.save(new Membership(channel.id(), invitee.name(), key, Membership.Kind.INVITED,
					this.clock.instant()));
		}
		return invitee.name();
	}

	/** Checks that {@code actor} may delete the channel, without deleting it. */
	@Transactional(readOnly = true)
	public ChannelInfo requireDeletable(ChatUser actor, String name) {
		Channel channel = requireDeletableChannel(actor, name);
		return new ChannelInfo(channel.name(), channel.isPrivate(), channel.owner(),
				this.memberships.countByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER));
	}

	/** Deletes a channel with its members and history; its members get {@code part}. */
	@Transactional
	public void delete(ChatUser actor, String name) {
		Channel channel = requireDeletableChannel(actor, name);
		this.memberships.deleteByChannelId(channel.id());
		this.channels.delete(channel);
		this.applicationEvents.publishEvent(new ChannelDeletedEvent(channel.name()));
		this.audit.record(actor.name(), AuditAction.DELETE_CHANNEL, "#" + channel.name(),
				isOwner(actor, channel) ? "by its owner" : null);
		this.events.publishAfterCommit(new ChatEvent.ChannelDeleted(channel.name()));
	}

	/** A deleted account leaves its channels; the others there see it {@code part}. */
	@EventListener
	void forgetMember(AccountDeletedEvent deleted) {
		List<String> left = channelsOf(deleted.username());
		this.memberships.deleteByUsernameKey(Usernames.key(deleted.username()));
		left.forEach(channel -> this.events.publishAfterCommit(new ChatEvent.MemberLeft(channel, deleted.username())));
	}

	/** Checks that the user may post to and read the channel. */
	@Transactional(readOnly = true)
	public String requireMember(ChatUser user, String name) {
		Channel channel = require(name);
		if (!isMember(channel, user.name())) {
			throw ChatException.forbidden("You are not in #" + channel.name() + "; //join it first.");
		}
		return channel.name();
	}

	/** Whether the user may read the channel's history: members, and anyone for public channels. */
	@Transactional(readOnly = true)
	public String requireReadable(ChatUser user, String name) {
		Channel channel = require(name);
		if (channel.isPrivate() && !isMember(channel, user.name()) && !user.isAdmin()) {
			throw ChatException.forbidden("#" + channel.name() + " is private.");
		}
		return channel.name();
	}

	@Transactional(readOnly = true)
	public List<String> memberNames(String name) {
		Channel channel = require(name);
		return this.memberships.findByChannelIdAndKind(channel.id(), Membership.Kind.MEMBER)
			.stream()
			.map(Membership::username)
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList();
	}

	@Transactional(readOnly = true)
	public List<String> channelsOf(String username) {
		List<Long> ids = this.memberships.findByUsernameKeyAndKind(Usernames.key(username), Membership.Kind.MEMBER)
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
		List<String> mine = channelsOf(user.name());
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
		return list.stream()
			.map(c -> new ChannelInfo(c.name(), c.isPrivate(), c.owner(), counts.getOrDefault(c.id(), 0L)))
			.toList();
	}

	private Channel create(String canonical, boolean isPrivate, ChatUser owner) {
		try {
			return this.channels.save(new Channel(canonical, isPrivate, owner.name(), this.clock.instant()));
		}
		catch (DataIntegrityViolationException ex) {
			throw ChatException.alreadyExists("#" + canonical + " exists already.");
		}
	}

	private void addMember(Channel channel, ChatUser user) {
		String key = Usernames.key(user.name());
		Optional<Membership> existing = this.memberships.findByChannelIdAndUsernameKey(channel.id(), key);
		if (existing.isPresent() && existing.get().kind() == Membership.Kind.MEMBER) {
			return;
		}
		requireRoom(channel, key);
		if (existing.isPresent()) {
			existing.get().promoteToMember();
			this.memberships.save(existing.get());
		}
		else {
			this.memberships
				.save(new Membership(channel.id(), user.name(), key, Membership.Kind.MEMBER, this.clock.instant()));
		}
		this.events.publishAfterCommit(new ChatEvent.MemberJoined(channel.name(), user.name()));
	}

	/** The default channel is exempt: everybody is in it, and it does not count towards a user's channels. */
	private void requireRoom(Channel channel, String userKey) {
		if (channel.name().equals(this.defaultChannel)) {
			return;
		}
		long joined = this.memberships.findByUsernameKeyAndKind(userKey, Membership.Kind.MEMBER).size() - 1;
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
		return channel;
	}

	private boolean mayEnterPrivate(ChatUser user, Channel channel) {
		return user.isAdmin() || isOwner(user, channel)
				|| this.memberships.findByChannelIdAndUsernameKey(channel.id(), Usernames.key(user.name())).isPresent();
	}

	private boolean isMember(Channel channel, String username) {
		return this.memberships.findByChannelIdAndUsernameKey(channel.id(), Usernames.key(username))
			.filter(m -> m.kind() == Membership.Kind.MEMBER)
			.isPresent();
	}

	private void requireOwnerOrAdmin(ChatUser actor, Channel channel) {
		if (!actor.isAdmin() && !isOwner(actor, channel)) {
			throw ChatException.forbidden("Only the owner of #" + channel.name() + " or an admin may do that.");
		}
	}

	private static boolean isOwner(ChatUser user, Channel channel) {
		return channel.owner() != null && Usernames.key(channel.owner()).equals(Usernames.key(user.name()));
	}

	private Channel require(String name) {
		String canonical = ChannelNames.normalize(name);
		return this.channels.findByName(canonical)
			.orElseThrow(() -> ChatException.notFound("There is no channel #" + canonical + "."));
	}

}
