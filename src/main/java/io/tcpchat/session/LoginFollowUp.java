package io.tcpchat.session;

import java.util.stream.Collectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.channel.Invitations;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.messaging.DirectMessageHistory;
import io.tcpchat.messaging.IgnoreService;
import io.tcpchat.messaging.MissedDirectMessages;
import io.tcpchat.messaging.ReadMarkers;
import io.tcpchat.presence.PresenceNotices;
import io.tcpchat.protocol.ServerEvent;

import org.springframework.stereotype.Component;

/**
 * What a login brings besides {@code logged-in}: the user's ignore list, before anything is delivered to the
 * session; and right after {@code logged-in}, whether the session wants online/offline notices, a
 * {@code notice invited} per pending invitation, a {@code notice missed-dms} with the count per sender, then the
 * DMs that arrived while the user was offline, oldest first.
 */
@Component
class LoginFollowUp {

	static final String MISSED_DMS = "missed-dms";

	static final String INVITED = EventDelivery.INVITED;

	static final String UNREAD = "unread";

	private final DirectMessageHistory directs;

	private final IgnoreService ignores;

	private final Invitations invitations;

	private final PresenceNotices presenceNotices;

	private final SessionRegistry registry;

	private final AccountService accounts;

	private final ReadMarkers readMarkers;

	private final ChannelService channels;

	LoginFollowUp(DirectMessageHistory directs, IgnoreService ignores, Invitations invitations,
			PresenceNotices presenceNotices, SessionRegistry registry, AccountService accounts,
			ReadMarkers readMarkers, ChannelService channels) {
		this.accounts = accounts;
		this.readMarkers = readMarkers;
		this.channels = channels;
		this.directs = directs;
		this.ignores = ignores;
		this.invitations = invitations;
		this.presenceNotices = presenceNotices;
		this.registry = registry;
	}

	/** Before the session is indexed for delivery. */
	void prepare(ChatSession session, ChatUser user) {
		session.ignoring(this.ignores.ignoredBy(user));
		// so that mentions of this user are recognised without reading the database
		this.accounts.remember(user);
	}

	/** Whether the user has a session already, anywhere (asked before this one goes online). */
	boolean isOnline(ChatUser user) {
		return this.presenceNotices.isOnline(user);
	}

	/** The user's first session is online: those who asked for it are told. */
	void cameOnline(ChatUser user) {
		this.presenceNotices.cameOnline(user);
	}

	/**
	 * A session of the user is closing (already out of the registry, still online): if it was the user's last on
	 * this node, everything delivered so far counts as read.
	 */
	void closing(ChatUser user) {
		if (!this.registry.ofUser(user.id()).isEmpty()) {
			return;
		}
		this.readMarkers.wentAway(user, this.channels.channelsOf(user.id()));
	}

	/** A session of the user closed: if it was the last, those who asked for it are told. */
	void leftSession(ChatUser user) {
		this.presenceNotices.leftSession(user);
	}

	/** Right after {@code logged-in}. */
	void catchUp(ChatSession session, ChatUser user) {
		this.registry.watchPresence(session, this.presenceNotices.wanted(user));
		announceInvitations(session, user);
		catchUpDirectMessages(session, user);
	}

	/** Pending invitations are listed at every login until used or withdrawn. */
	private void announceInvitations(ChatSession session, ChatUser user) {
		List<Invitations.Pending> pending = this.invitations.pendingFor(user);
		if (pending.isEmpty()) {
			return;
		}
		for (Invitations.Pending invitation : pending) {
			String who = (invitation.by() == null) ? "You were invited" : invitation.by() + " invited you";
			session.send(new ServerEvent.Notice(INVITED,
					who + " to #" + invitation.channel() + "; //join " + invitation.channel() + " to accept.",
					invitation.channel(), null, user.name(), invitation.by()));
		}
	}

	private void catchUpDirectMessages(ChatSession session, ChatUser user) {
		MissedDirectMessages missed = this.directs.takeMissed(user);
		summarizeUnread(session, user, missed);
		if (missed.isEmpty()) {
			return;
		}
		session.send(new ServerEvent.Notice(MISSED_DMS, summary(missed), null, missed.bySender()));
		for (ChatEvent.DirectMessage d : missed.latest()) {
			session.send(EventDelivery.dm(d));
		}
	}

	/** "3 new in #dev, 2 DMs from bob": the channels' unread counts from their read markers, and the missed DMs. */
	private void summarizeUnread(ChatSession session, ChatUser user, MissedDirectMessages missed) {
		Map<String, Long> channels = new LinkedHashMap<>();
		this.readMarkers.unread(user).forEach((channel, count) -> {
			if (session.channels().contains(channel)) {
				channels.put(channel, count);
			}
		});
		if (channels.isEmpty() && missed.isEmpty()) {
			return;
		}
		List<String> parts = new ArrayList<>();
		channels.forEach((channel, count) -> parts.add(count + " new in #" + channel));
		missed.bySender()
			.forEach((sender, count) -> parts.add(count + ((count == 1) ? " DM from " : " DMs from ") + sender));
		session.send(new ServerEvent.Notice(UNREAD, "Since you were last here: " + String.join(", ", parts) + ".",
				null, channels, null, null, missed.bySender()));
	}

	private static String summary(MissedDirectMessages missed) {
		String counts = missed.bySender()
			.entrySet()
			.stream()
			.map(e -> e.getValue() + " from " + e.getKey())
			.collect(Collectors.joining(", "));
		String shown = (missed.latest().size() < missed.total())
				? " The latest " + missed.latest().size() + " follow; //history @user shows the rest."
				: "";
		return "While you were offline: " + missed.total() + ((missed.total() == 1) ? " DM (" : " DMs (") + counts
				+ ")." + shown;
	}

}
