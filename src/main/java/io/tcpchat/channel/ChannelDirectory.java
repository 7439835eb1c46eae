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
 * has is ignored: a join whose event arrives after the channel's deletion does not bring the channel back.
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
			this.channels.putIfAbsent(created.channel(),
					new Entry(created.channel(), created.isPrivate(), created.ownerId()));
		}
		else if (event instanceof ChatEvent.ChannelDeleted deleted) {
			Entry entry = this.channels.remove(deleted.channel());
			if (entry != null) {
				synchronized (entry) {
					entry.deleted = true;
					// a channel of the same name may have been created (and joined) already
					entry.members.stream()
						.filter(id -> !isMember(entry.name, id))
						.forEach(id -> memberSet(id).remove(entry.name));
				}
			}
		}
		else if (event instanceof ChatEvent.ChannelOwnerChanged changed) {
			update(changed.channel(), entry -> entry.ownerId = changed.ownerId());
		}
		else if (event instanceof ChatEvent.MemberJoined joined) {
			update(joined.channel(), entry -> {
				entry.invited.remove(joined.userId());
				entry.members.add(joined.userId());
				memberSet(joined.userId()).add(entry.name);
			});
		}
		else if (event instanceof ChatEvent.MemberLeft left) {
			removeMember(left.channel(), left.userId());
		}
		else if (event instanceof ChatEvent.MemberRemoved removed) {
			removeMember(removed.channel(), removed.userId());
		}
		else if (event instanceof ChatEvent.InvitationWithdrawn withdrawn) {
			update(withdrawn.channel(), entry -> entry.invited.remove(withdrawn.userId()));
		}
		else if (event instanceof ChatEvent.TopicChanged topic) {
			update(topic.channel(), entry -> entry.topic = topic.topic());
		}
		else if (event instanceof ChatEvent.ModeratorChanged changed) {
			update(changed.channel(), entry -> {
				if (changed.moderator() && entry.members.contains(changed.userId())) {
					entry.moderators.add(changed.userId());
				}
				else {
					entry.moderators.remove(changed.userId());
				}
			});
		}
		else if (event instanceof ChatEvent.MemberInvited invited) {
			update(invited.channel(), entry -> {
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

	/** A member who leaves (or is removed) loses the moderator role and, in a private channel, the invitation. */
	private void removeMember(String channel, long userId) {
		update(channel, entry -> {
			entry.members.remove(userId);
			entry.moderators.remove(userId);
			entry.invited.remove(userId);
			memberSet(userId).remove(entry.name);
		});
	}

	private void update(String channel, Consumer<Entry> change) {
		Entry entry = this.channels.get(channel);
		if (entry == null) {
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

		Entry(String name, boolean isPrivate, Long ownerId) {
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
