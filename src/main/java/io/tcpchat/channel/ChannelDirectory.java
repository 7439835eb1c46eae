package io.tcpchat.channel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;

import org.springframework.stereotype.Component;

/**
 * Every channel with its flags, owner, topic, members, moderators and invitations, in memory: {@link ChannelService} loads it once at
 * start, and the events that follow each committed change keep it current (this node's and, in a cluster, the
 * others'), so a channel message is checked without reading the database. Its size is bounded by the channel
 * limits ({@code chat.limits.max-channels-per-user}, {@code max-members-per-channel}).
 * <p>
 * Each channel's changes are applied under its entry's lock, and an event for a channel the directory no longer
 * has is ignored: a join whose event arrives after the channel's deletion does not bring the channel back. A name
 * can be reused, so entries and events carry the channel's id: an event about another channel of the same name
 * (a late one about a deleted channel) changes nothing, and a creation with a newer id replaces an entry whose
 * deletion has not arrived yet (ids only grow). An event without an id (0: from a node of an older version) is
 * applied by name.
 */
@Component
class ChannelDirectory implements ChatEventListener {

	private final Map<String, Entry> channels = new ConcurrentHashMap<>();

	/** Channel names per member (invitations are kept only on the channel). */
	private final Map<Long, Set<String>> byMember = new ConcurrentHashMap<>();

	/** Events wait while the directory loads, so none is lost between the load's reads and its install. */
	private final ReadWriteLock loading = new ReentrantReadWriteLock();

	private volatile boolean loaded;

	/** Replaces the whole directory with what the database holds. */
	void load(Collection<Entry> entries) {
		this.loading.writeLock().lock();
		try {
			this.channels.clear();
			this.byMember.clear();
			for (Entry entry : entries) {
				this.channels.put(entry.name, entry);
				entry.members.forEach(id -> memberSet(id).add(entry.name));
			}
			this.loaded = true;
		}
		finally {
			this.loading.writeLock().unlock();
		}
	}

	boolean isLoaded() {
		return this.loaded;
	}

	Optional<Entry> find(String canonical) {
		return Optional.ofNullable(this.channels.get(canonical));
	}

	/** Whether the entry of that name is the channel with that id. */
	boolean holds(String canonical, long channelId) {
		Entry entry = this.channels.get(canonical);
		return entry != null && entry.id == channelId;
	}

	/**
	 * Whether the user is a member of a channel of that name newer than {@code channelId}: a late deletion of the
	 * older one must not take them out of it.
	 */
	boolean isMemberOfNewer(String canonical, long channelId, long userId) {
		Entry entry = this.channels.get(canonical);
		return entry != null && channelId != 0 && entry.id > channelId && entry.members.contains(userId);
	}

	boolean isMember(String canonical, long userId) {
		Entry entry = this.channels.get(canonical);
		return entry != null && entry.members.contains(userId);
	}

	/** The names of the user's channels, unsorted. */
	Set<String> channelsOf(long userId) {
		return Set.copyOf(this.byMember.getOrDefault(userId, Set.of()));
	}

	Collection<Entry> all() {
		return List.copyOf(this.channels.values());
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (!isChannelEvent(event)) {
			return;
		}
		this.loading.readLock().lock();
		try {
			if (this.loaded) {
				apply(event);
			}
		}
		finally {
			this.loading.readLock().unlock();
		}
	}

	private static boolean isChannelEvent(ChatEvent event) {
		return event instanceof ChatEvent.ChannelCreated || event instanceof ChatEvent.ChannelDeleted
				|| event instanceof ChatEvent.ChannelOwnerChanged || event instanceof ChatEvent.MemberJoined
				|| event instanceof ChatEvent.MemberLeft || event instanceof ChatEvent.MemberInvited
				|| event instanceof ChatEvent.UserDeleted || event instanceof ChatEvent.MemberRemoved
				|| event instanceof ChatEvent.InvitationWithdrawn || event instanceof ChatEvent.TopicChanged
				|| event instanceof ChatEvent.ModeratorChanged;
	}

	private void apply(ChatEvent event) {
		if (event instanceof ChatEvent.ChannelCreated created) {
			Entry fresh = new Entry(created.channelId(), created.channel(), created.isPrivate(), created.ownerId());
			Entry[] replaced = new Entry[1];
			this.channels.compute(created.channel(), (name, known) -> {
				if (known != null && !(known.id != 0 && created.channelId() > known.id)) {
					return known;
				}
				replaced[0] = known;
				return fresh;
			});
			if (replaced[0] != null) {
				retire(replaced[0]);
			}
		}
		else if (event instanceof ChatEvent.ChannelDeleted deleted) {
			Entry[] removed = new Entry[1];
			this.channels.computeIfPresent(deleted.channel(), (name, known) -> {
				if (!sameChannel(known, deleted.channelId())) {
					return known;
				}
				removed[0] = known;
				return null;
			});
			if (removed[0] != null) {
				retire(removed[0]);
			}
		}
		else if (event instanceof ChatEvent.ChannelOwnerChanged changed) {
			update(changed.channel(), changed.channelId(), entry -> entry.ownerId = changed.ownerId());
		}
		else if (event instanceof ChatEvent.MemberJoined joined) {
			update(joined.channel(), joined.channelId(), entry -> {
				entry.invited.remove(joined.userId());
				entry.members.add(joined.userId());
				memberSet(joined.userId()).add(entry.name);
			});
		}
		else if (event instanceof ChatEvent.MemberLeft left) {
			removeMember(left.channel(), left.channelId(), left.userId());
		}
		else if (event instanceof ChatEvent.MemberRemoved removed) {
			removeMember(removed.channel(), removed.channelId(), removed.userId());
		}
		else if (event instanceof ChatEvent.InvitationWithdrawn withdrawn) {
			update(withdrawn.channel(), withdrawn.channelId(), entry -> entry.invited.remove(withdrawn.userId()));
		}
		else if (event instanceof ChatEvent.TopicChanged topic) {
			update(topic.channel(), topic.channelId(), entry -> entry.topic = topic.topic());
		}
		else if (event instanceof ChatEvent.ModeratorChanged changed) {
			update(changed.channel(), changed.channelId(), entry -> {
				if (changed.moderator() && entry.members.contains(changed.userId())) {
					entry.moderators.add(changed.userId());
				}
				else {
					entry.moderators.remove(changed.userId());
				}
			});
		}
		else if (event instanceof ChatEvent.MemberInvited invited) {
			update(invited.channel(), invited.channelId(), entry -> {
				if (!entry.members.contains(invited.userId())) {
					entry.invited.add(invited.userId());
				}
			});
		}
		else if (event instanceof ChatEvent.UserDeleted deleted) {
			// its memberships went with it (each with a MemberLeft); the invitations went silently
			this.channels.values().forEach(entry -> entry.invited.remove(deleted.userId()));
			this.byMember.remove(deleted.userId());
		}
	}

	/** An entry that left the directory: no later change applies to it, and its members' index forgets it. */
	private void retire(Entry entry) {
		synchronized (entry) {
			entry.deleted = true;
			// a channel of the same name may have been created (and joined) already
			entry.members.stream()
				.filter(id -> !isMember(entry.name, id))
				.forEach(id -> memberSet(id).remove(entry.name));
		}
	}

	/** An event about the channel with that id (0: not known, so any of that name) concerns this entry. */
	private static boolean sameChannel(Entry entry, long channelId) {
		return channelId == 0 || entry.id == 0 || entry.id == channelId;
	}

	/** A member who leaves (or is removed) loses the moderator role and, in a private channel, the invitation. */
	private void removeMember(String channel, long channelId, long userId) {
		update(channel, channelId, entry -> {
			entry.members.remove(userId);
			entry.moderators.remove(userId);
			entry.invited.remove(userId);
			memberSet(userId).remove(entry.name);
		});
	}

	private void update(String channel, long channelId, Consumer<Entry> change) {
		Entry entry = this.channels.get(channel);
		if (entry == null || !sameChannel(entry, channelId)) {
			return;
		}
		synchronized (entry) {
			if (!entry.deleted) {
				change.accept(entry);
			}
		}
	}

	private Set<String> memberSet(long userId) {
		return this.byMember.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet());
	}

	/** One channel: flags and owner as the database has them, members and invitations by account id. */
	static final class Entry {

		/** The channel's row; 0 when only known from an event of an older node. */
		final long id;

		final String name;

		final boolean isPrivate;

		volatile Long ownerId;

		final Set<Long> members = ConcurrentHashMap.newKeySet();

		final Set<Long> invited = ConcurrentHashMap.newKeySet();

		/** The members who are channel moderators ({@code //op}). */
		final Set<Long> moderators = ConcurrentHashMap.newKeySet();

		/** Null: no topic. */
		volatile String topic;

		/** Set under the entry's lock when it is removed, so a late change is not applied to it. */
		boolean deleted;

		Entry(long id, String name, boolean isPrivate, Long ownerId) {
			this.id = id;
			this.name = name;
			this.isPrivate = isPrivate;
			this.ownerId = ownerId;
		}

		boolean isOwnedBy(long userId) {
			Long owner = this.ownerId;
			return owner != null && owner == userId;
		}

		/** The owner, a moderator, or an admin: who may invite, remove and set the topic. */
		boolean isModeratedBy(long userId, boolean admin) {
			return admin || isOwnedBy(userId) || this.moderators.contains(userId);
		}

		int memberCount() {
			return this.members.size();
		}

	}

}
