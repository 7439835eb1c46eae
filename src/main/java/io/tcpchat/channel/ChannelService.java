package io.tcpchat.channel;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

	private final ChannelDirectory directory;

	private final ChannelRoles roles;

	ChannelService(ChannelRepository channels, MembershipRepository memberships, AccountService accounts,
			ChatEventBus events, Clock clock,
			ChatProperties properties, AuditLog audit, ChannelCreationLimit creationLimit, ChannelRemoval removal,
			TransactionTemplate transactions, ChannelDirectory directory, ChannelRoles roles) {
		this.directory = directory;
		this.roles = roles;
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

	/** Not one transaction: a duplicate must be caught after the repository's own transaction rolled back. */
	public void ensureDefaultChannel() {
		if (this.channels.findByName(this.defaultChannel).isEmpty()) {
			try {
				this.channels.save(new Channel(this.defaultChannel, false, null, this.clock.instant()));
			}
			catch (DataIntegrityViolationException ex) {
				// another node of a cluster starting at the same time created it first
				if (!DuplicateKey.isCause(ex)) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Reads every channel, member and invitation into the in-memory directory (at start, before any listener
	 * accepts); from then on the events of each change keep it current.
	 */
	@Transactional(readOnly = true)
	public void loadDirectory() {
		Map<Long, ChannelDirectory.Entry> byId = new HashMap<>();
		for (Channel channel : this.channels.findAllByOrderByNameAsc()) {
			ChannelDirectory.Entry entry = new ChannelDirectory.Entry(channel.id(), channel.name(),
					channel.isPrivate(), channel.ownerId());
			entry.topic = channel.topic();
			byId.put(channel.id(), entry);
		}
		for (Membership membership : this.memberships.findAll()) {
			ChannelDirectory.Entry entry = byId.get(membership.channelId());
			if (entry != null) {
				(membership.isMember() ? entry.members : entry.invited).add(membership.accountId());
				if (membership.isMember() && membership.isModerator()) {
					entry.moderators.add(membership.accountId());
				}
			}
		}
		this.directory.load(byId.values());
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
		if (!this.directory.isMember(this.defaultChannel, user.id())) {
			inTransactionAgainIfRaced(() -> {
				addMember(this.roles.require(this.defaultChannel), user);
				return null;
			});
		}
		List<String> names = new ArrayList<>(channelsOf(user.id()));
		names.remove(this.defaultChannel);
		names.add(0, this.defaultChannel);
		return names;
	}

	/**
	 * Joins, creating a public channel if absent. Private channels need an invitation. A new channel is created
	 * and joined in one transaction, so a refused join (channel limit) creates nothing; when two users create the
	 * same channel at once the loser simply joins it.
	 */
	public String join(ChatUser user, String name) {
		String canonical = ChannelNames.normalize(name);
		if (this.directory.find(canonical).isEmpty()) {
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
		Channel channel = this.roles.require(canonical);
		if (channel.isPrivate() && !mayEnterPrivate(user, channel)) {
			throw ChatException.forbidden("#" + canonical + " is private; you need an invitation.");
		}
		if (!this.directory.holds(canonical, channel.id())) {
			// The channel was created so recently that its ChannelCreated has not reached this node yet (in a
			// cluster, another node made it; maybe after deleting an older channel of that name, whose deletion has
			// not arrived either). The directory would ignore this join's event; the row says what that creation
			// event will (an idempotent creation: the event itself changes nothing when it arrives).
			this.directory.onEvent(new ChatEvent.ChannelCreated(channel.name(), channel.isPrivate(), channel.ownerId(),
					channel.id()));
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
		// before the join's event: the directory ignores a join to a channel it does not know
		this.events.publishAfterCommit(new ChatEvent.ChannelCreated(canonical, isPrivate, user.id(), channel.id()));
		addMember(channel, user);
		this.creationLimit.record(user);
		return canonical;
	}

	@Transactional
	public String leave(ChatUser user, String name) {
		Channel channel = this.roles.require(name);
		if (channel.name().equals(this.defaultChannel)) {
			throw new ChatException(ErrorCode.PROTECTED, "Everyone stays in #" + this.defaultChannel + ".");
		}
		Membership membership = this.memberships.findByChannelIdAndAccountId(channel.id(), user.id())
			.filter(m -> m.kind() == Membership.Kind.MEMBER)
			.orElseThrow(() -> ChatException.notFound("You are not in #" + channel.name() + "."));
		this.memberships.delete(membership);
		this.events.publishAfterCommit(new ChatEvent.MemberLeft(channel.name(), user.id(), user.name(), channel.id()));
		this.removal.deleteIfAbandoned(channel);
		return channel.name();
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

	/** Checks that the user may post to and read the channel: in memory, no database read. */
	public String requireMember(ChatUser user, String name) {
		ChannelDirectory.Entry channel = requireKnown(name);
		if (!channel.members.contains(user.id())) {
			throw ChatException.forbidden("You are not in #" + channel.name + "; //join it first.");
		}
		return channel.name;
	}

	/** Whether the user may read the channel's history: members, and anyone for public channels. */
	public String requireReadable(ChatUser user, String name) {
		ChannelDirectory.Entry channel = requireKnown(name);
		if (channel.isPrivate && !channel.members.contains(user.id()) && !user.isAdmin()) {
			throw ChatException.forbidden("#" + channel.name + " is private.");
		}
		return channel.name;
	}

	/** Whether the channel (canonical name) exists, from memory. */
	public boolean exists(String canonical) {
		return this.directory.find(canonical).isPresent();
	}

	/** The account ids of the channel's members (a copy), from memory. */
	public Set<Long> memberIds(String name) {
		return Set.copyOf(requireKnown(name).members);
	}

	/**
	 * Whether the user is a member of a channel of that name newer than the one with {@code channelId}, which was
	 * deleted: that deletion, arriving late from another node, must not take them out of the new one.
	 */
	public boolean isMemberOfNewer(String canonical, long channelId, long userId) {
		return this.directory.isMemberOfNewer(canonical, channelId, userId);
	}

	/** The user's channels by name, from memory. */
	public List<String> channelsOf(long accountId) {
		return this.directory.channelsOf(accountId).stream().sorted().toList();
	}

	/** Public channels and the private ones the user belongs to (admins see all). */
	public List<ChannelInfo> visibleTo(ChatUser user) {
		return listed(this.directory.all()
			.stream()
			.filter(c -> !c.isPrivate || user.isAdmin() || c.members.contains(user.id()))
			.toList());
	}

	public List<ChannelInfo> all() {
		return listed(this.directory.all());
	}

	/** Sorted by name; owners named through the accounts (a listing, not the hot path). */
	private List<ChannelInfo> listed(Collection<ChannelDirectory.Entry> entries) {
		Map<Long, AccountName> owners = this.accounts
			.names(entries.stream().map(c -> c.ownerId).filter(Objects::nonNull).distinct().toList());
		return entries.stream()
			.sorted(Comparator.comparing(c -> c.name))
			.map(c -> new ChannelInfo(c.name, c.isPrivate, ownerName(c.ownerId, owners), c.memberCount(), c.topic))
			.toList();
	}

	private ChannelInfo info(Channel channel, long members) {
		Map<Long, AccountName> owners = (channel.ownerId() == null) ? Map.of()
				: this.accounts.names(List.of(channel.ownerId()));
		return new ChannelInfo(channel.name(), channel.isPrivate(), ownerName(channel.ownerId(), owners), members,
				channel.topic());
	}

	private static String ownerName(Long ownerId, Map<Long, AccountName> owners) {
		AccountName owner = (ownerId == null) ? null : owners.get(ownerId);
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
		this.events.publishAfterCommit(new ChatEvent.MemberJoined(channel.name(), user.id(), user.name(), channel.id()));
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
		Channel channel = this.roles.require(name);
		if (channel.name().equals(this.defaultChannel)) {
			throw new ChatException(ErrorCode.PROTECTED,
					"The default channel #" + this.defaultChannel + " cannot be deleted.");
		}
		this.roles.requireOwnerOrAdmin(actor, channel);
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

	private ChannelDirectory.Entry requireKnown(String name) {
		String canonical = ChannelNames.normalize(name);
		return this.directory.find(canonical)
			.orElseThrow(() -> ChatException.notFound("There is no channel #" + canonical + "."));
	}

}
