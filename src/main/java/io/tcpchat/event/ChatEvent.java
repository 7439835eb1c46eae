package io.tcpchat.event;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tcpchat.error.ErrorCode;

/**
 * Something that happened which connected users, or this node's caches, may need to know. Feature services
 * publish these through {@link ChatEventBus}; the session layer delivers those users see. In a cluster they
 * travel through Redis. Users are identified by account id ({@code userId}); names come along for display.
 * <p>
 * The events about a channel also carry its row's id ({@code channelId}), since a name can be reused: a channel
 * deleted and created again is another channel, and an event about the old one that arrives late (from another
 * node) must not change the new one. {@code channelId} 0 means not known (an event from a node of an older
 * version): it is applied by name, as before.
 */
public sealed interface ChatEvent {

	/**
	 * @param action an action ({@code //me waves}) rather than something said
	 * @param editedAt when it was last edited (in history), else null
	 * @param mentions the names of the users it mentions ({@code @name}), empty when none
	 */
	record ChannelMessage(long id, Instant ts, String channel, String from, String color, String text,
			boolean action, Instant editedAt, List<String> mentions) implements ChatEvent {

		public ChannelMessage {
			mentions = (mentions == null) ? List.of() : List.copyOf(mentions);
		}

		public ChannelMessage(long id, Instant ts, String channel, String from, String color, String text) {
			this(id, ts, channel, from, color, text, false, null, List.of());
		}

		public ChannelMessage(long id, Instant ts, String channel, String from, String color, String text,
				boolean action) {
			this(id, ts, channel, from, color, text, action, null, List.of());
		}

		public ChannelMessage(long id, Instant ts, String channel, String from, String color, String text,
				boolean action, Instant editedAt) {
			this(id, ts, channel, from, color, text, action, editedAt, List.of());
		}

	}

	/** @param editedAt when it was last edited (in history), else null */
	record DirectMessage(long id, Instant ts, long fromId, String from, long toId, String to, String color,
			String text, Instant editedAt) implements ChatEvent {

		public DirectMessage(long id, Instant ts, long fromId, String from, long toId, String to, String color,
				String text) {
			this(id, ts, fromId, from, toId, to, color, text, null);
		}

	}

	/** A channel message ({@code channel} set) or a DM ({@code toId} set) was edited by its author. */
	record MessageEdited(long id, String channel, long fromId, String from, Long toId, String to, String text,
			Instant editedAt) implements ChatEvent {
	}

	/** A channel message ({@code channel} set) or a DM ({@code toId} set) was taken back by its author. */
	record MessageUnsent(long id, String channel, long fromId, String from, Long toId, String to)
			implements ChatEvent {
	}

	record Broadcast(long id, Instant ts, String from, String text) implements ChatEvent {
	}

	record MemberJoined(String channel, long userId, String user, long channelId) implements ChatEvent {

		public MemberJoined(String channel, long userId, String user) {
			this(channel, userId, user, 0);
		}

	}

	record MemberLeft(String channel, long userId, String user, long channelId) implements ChatEvent {

		public MemberLeft(String channel, long userId, String user) {
			this(channel, userId, user, 0);
		}

	}

	/**
	 * A private channel let a user in; the membership follows at the user's {@code //join}.
	 * @param by who invited (null when not known)
	 */
	record MemberInvited(String channel, long userId, String user, String by, long channelId) implements ChatEvent {

		public MemberInvited(String channel, long userId, String user) {
			this(channel, userId, user, null, 0);
		}

		public MemberInvited(String channel, long userId, String user, String by) {
			this(channel, userId, user, by, 0);
		}

	}

	/** An invitation was withdrawn ({@code //uninvite}) by {@code by}. */
	record InvitationWithdrawn(String channel, long userId, String user, String by, long channelId)
			implements ChatEvent {

		public InvitationWithdrawn(String channel, long userId, String user, String by) {
			this(channel, userId, user, by, 0);
		}

	}

	/** A member was taken out of a channel ({@code //remove}) by {@code by}; its invitation went too. */
	record MemberRemoved(String channel, long userId, String user, String by, long channelId) implements ChatEvent {

		public MemberRemoved(String channel, long userId, String user, String by) {
			this(channel, userId, user, by, 0);
		}

	}

	/** The channel's topic changed; {@code topic} null: cleared. */
	record TopicChanged(String channel, String topic, String by, long channelId) implements ChatEvent {

		public TopicChanged(String channel, String topic, String by) {
			this(channel, topic, by, 0);
		}

	}

	/** A member became a channel moderator ({@code moderator} true, {@code //op}) or stopped being one. */
	record ModeratorChanged(String channel, long userId, String user, boolean moderator, String by, long channelId)
			implements ChatEvent {

		public ModeratorChanged(String channel, long userId, String user, boolean moderator, String by) {
			this(channel, userId, user, moderator, by, 0);
		}

	}

	/**
	 * The first session of a user came online ({@code online} true), or the last one went.
	 * @param channels the user's channels: who shares one may be told
	 */
	record PresenceChanged(long userId, String user, boolean online, List<String> channels) implements ChatEvent {
	}

	/** A user turned the online/offline notices ({@code //notify}) on or off. */
	record PresenceNoticesChanged(long userId, boolean on) implements ChatEvent {
	}

	/** {@code ownerId} is null for the default channel. */
	record ChannelCreated(String channel, boolean isPrivate, Long ownerId, long channelId) implements ChatEvent {

		public ChannelCreated(String channel, boolean isPrivate, Long ownerId) {
			this(channel, isPrivate, ownerId, 0);
		}

	}

	/**
	 * The owner changed; {@code ownerId} null: nobody owns the channel any more (its owner was deleted).
	 * @param owner the new owner's name, when given ({@code //give-channel}), else null
	 * @param by who gave it, else null
	 */
	record ChannelOwnerChanged(String channel, Long ownerId, String owner, String by, long channelId)
			implements ChatEvent {

		public ChannelOwnerChanged(String channel, Long ownerId) {
			this(channel, ownerId, null, null, 0);
		}

		public ChannelOwnerChanged(String channel, Long ownerId, String owner, String by) {
			this(channel, ownerId, owner, by, 0);
		}

	}

	record ChannelDeleted(String channel, long channelId) implements ChatEvent {

		public ChannelDeleted(String channel) {
			this(channel, 0);
		}

	}

	/**
	 * Close every session of the user, on every node: after an optional error, a {@code bye} with
	 * {@code reason}.
	 */
	record SessionsTerminated(long userId, String user, ErrorCode error, String text, String reason)
			implements ChatEvent {
	}

	/** A new account (also the directory entry name &lt;-&gt; id). */
	record UserCreated(long userId, String user, List<String> roles, String color) implements ChatEvent {
	}

	/** An account's roles or colour changed. */
	record UserUpdated(long userId, String user, List<String> roles, String color) implements ChatEvent {
	}

	/** The names whose messages and DMs are not delivered to this user any more (its whole ignore list). */
	record IgnoreListChanged(long userId, Set<String> ignored) implements ChatEvent {
	}

	/** A user may read but not send until {@code until} (null: until unmuted). */
	record UserMuted(long userId, String user, Instant until) implements ChatEvent {
	}

	record UserUnmuted(long userId, String user) implements ChatEvent {
	}

	/** An account was deleted; its name stays reserved (a tombstone) until {@link NameReleased}. */
	record UserDeleted(long userId, String user) implements ChatEvent {
	}

	/** An admin released a deleted account's name: it may be registered again, by somebody else. */
	record NameReleased(long userId, String name) implements ChatEvent {
	}

	/**
	 * An account's password changed: every session of the user but {@code keepSession} (the one that changed it,
	 * or null) ends, and whatever lets a client back in without the password (resume tokens) must be revoked.
	 */
	record PasswordChanged(long userId, String user, String keepSession) implements ChatEvent {
	}

	/** A ban took effect (its sessions end through {@link SessionsTerminated}); caches of bans must drop theirs. */
	record UserBanned(long userId, String user) implements ChatEvent {
	}

	/** A ban was lifted or removed. */
	record UserUnbanned(String user) implements ChatEvent {
	}

	/**
	 * Never published: a cluster node that was cut off from the others (Redis unreachable) may have missed events,
	 * so it hands this to its own listeners when it is back: caches drop or reload what they hold.
	 */
	record CachesStale() implements ChatEvent {
	}

	/** A user went away ({@code text}, as others see it) or came back ({@code text} null). */
	record AwayChanged(long userId, String user, String text) implements ChatEvent {
	}

}
