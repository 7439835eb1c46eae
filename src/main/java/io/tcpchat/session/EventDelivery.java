package io.tcpchat.session;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;
import io.tcpchat.metrics.ChatMetrics;
import io.tcpchat.protocol.ServerEvent;
import io.tcpchat.session.EventRenderer.RenderedEvent;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivers chat events to the sessions of this node that should see them, rendering each event once per format.
 * Events only caches care about (accounts created or changed, invitations, owners) are not shown to anyone.
 */
@Component
class EventDelivery implements ChatEventListener {

	static final String NO_CHANNEL = "no-channel";

	static final String INVITED = "invited";

	static final String UNINVITED = "uninvited";

	static final String MODERATOR = "moderator";

	static final String OWNER = "owner";

	static final String ONLINE = "online";

	static final String OFFLINE = "offline";

	static final String AWAY = "away";

	static final String BACK = "back";

	private final SessionRegistry registry;

	private final EventRenderer renderer;

	private final ChatMetrics metrics;

	/** Lazily: the channel service publishes through the event bus, which calls this listener. */
	private final ObjectProvider<ChannelService> channels;

	EventDelivery(SessionRegistry registry, EventRenderer renderer, ChatMetrics metrics,
			ObjectProvider<ChannelService> channels) {
		this.registry = registry;
		this.renderer = renderer;
		this.metrics = metrics;
		this.channels = channels;
	}

	/** A DM as its recipients see it, live and when handed over at login ({@link LoginFollowUp}). */
	static ServerEvent.Dm dm(ChatEvent.DirectMessage d) {
		return new ServerEvent.Dm(d.id(), d.ts(), d.from(), d.to(), d.color(), d.text());
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.ChannelMessage m) {
			deliver(notIgnoring(this.registry.inChannel(m.channel()), m.from()),
					new ServerEvent.Message(m.id(), m.ts(), m.channel(), m.from(), m.color(), m.text(),
							m.action() ? Boolean.TRUE : null, m.mentions().isEmpty() ? null : m.mentions()));
		}
		else if (event instanceof ChatEvent.DirectMessage d) {
			deliver(audience(null, d.fromId(), d.toId(), d.from()), dm(d));
		}
		else if (event instanceof ChatEvent.MessageEdited e) {
			deliver(audience(e.channel(), e.fromId(), e.toId(), e.from()),
					new ServerEvent.Edit(e.id(), e.editedAt(), e.channel(), e.from(), e.to(), e.text()));
		}
		else if (event instanceof ChatEvent.MessageUnsent u) {
			deliver(audience(u.channel(), u.fromId(), u.toId(), u.from()),
					new ServerEvent.Unsend(u.id(), u.channel(), u.from(), u.to()));
		}
		else if (event instanceof ChatEvent.Broadcast b) {
			deliver(this.registry.all().stream().filter(ChatSession::isLoggedIn).toList(),
					new ServerEvent.Broadcast(b.id(), b.ts(), b.from(), b.text()));
		}
		else if (event instanceof ChatEvent.MemberJoined j) {
			this.registry.ofUser(j.userId()).forEach(s -> this.registry.joined(s, j.channel()));
			deliver(this.registry.inChannel(j.channel()), new ServerEvent.Join(j.channel(), j.user()));
		}
		else if (event instanceof ChatEvent.MemberLeft l) {
			deliver(this.registry.inChannel(l.channel()), new ServerEvent.Part(l.channel(), l.user(), null));
			for (ChatSession session : List.copyOf(this.registry.ofUser(l.userId()))) {
				leave(session, l.channel(), "you left #" + l.channel() + " (in this or another session)");
			}
		}
		else if (event instanceof ChatEvent.MemberRemoved r) {
			deliver(this.registry.inChannel(r.channel()),
					new ServerEvent.Part(r.channel(), r.user(), "removed by " + r.by()));
			for (ChatSession session : List.copyOf(this.registry.ofUser(r.userId()))) {
				leave(session, r.channel(), r.by() + " removed you from #" + r.channel());
			}
		}
		else if (event instanceof ChatEvent.MemberInvited i && i.by() != null) {
			deliver(this.registry.ofUser(i.userId()), new ServerEvent.Notice(INVITED, i.by() + " invited you to #"
					+ i.channel() + "; //join " + i.channel() + " to accept.", i.channel(), null, i.user(), i.by()));
		}
		else if (event instanceof ChatEvent.InvitationWithdrawn w) {
			deliver(this.registry.ofUser(w.userId()), new ServerEvent.Notice(UNINVITED,
					w.by() + " withdrew your invitation to #" + w.channel() + ".", w.channel(), null, w.user(), w.by()));
		}
		else if (event instanceof ChatEvent.TopicChanged t) {
			deliver(this.registry.inChannel(t.channel()), new ServerEvent.Topic(t.channel(), t.topic(), t.by()));
		}
		else if (event instanceof ChatEvent.ModeratorChanged m) {
			deliver(this.registry.inChannel(m.channel()), new ServerEvent.Notice(MODERATOR,
					m.by() + (m.moderator() ? " made " + m.user() + " a moderator of #" : " took the moderator role of "
							+ m.user() + " in #") + m.channel() + ".",
					m.channel(), null, m.user(), m.by()));
		}
		else if (event instanceof ChatEvent.ChannelOwnerChanged o && o.owner() != null) {
			deliver(this.registry.inChannel(o.channel()), new ServerEvent.Notice(OWNER,
					o.by() + " gave #" + o.channel() + " to " + o.owner() + ".", o.channel(), null, o.owner(), o.by()));
		}
		else if (event instanceof ChatEvent.PresenceChanged p) {
			deliver(sharingAChannel(this.registry.presenceWatchers(), p.userId(), p.channels()),
					new ServerEvent.Notice(p.online() ? ONLINE : OFFLINE,
							p.user() + (p.online() ? " is online." : " went offline."), null, null, p.user(), null));
		}
		else if (event instanceof ChatEvent.AwayChanged a) {
			Collection<ChatSession> watchers = this.registry.awayWatchers();
			if (!watchers.isEmpty()) {
				deliver(sharingAChannel(watchers, a.userId(), this.channels.getObject().channelsOf(a.userId())),
						new ServerEvent.Notice((a.text() != null) ? AWAY : BACK,
								a.user() + ((a.text() != null) ? " is away: " + a.text() : " is back."), null, null,
								a.user(), null));
			}
		}
		else if (event instanceof ChatEvent.PresenceNoticesChanged n) {
			this.registry.ofUser(n.userId()).forEach(session -> this.registry.watchPresence(session, n.on()));
		}
		else if (event instanceof ChatEvent.ChannelDeleted d) {
			for (ChatSession session : List.copyOf(this.registry.inChannel(d.channel()))) {
				long userId = session.user().orElseThrow().id();
				if (this.channels.getObject().isMemberOfNewer(d.channel(), d.channelId(), userId)) {
					// a late deletion of an older channel of this name: the user is in the new one
					continue;
				}
				session.send(new ServerEvent.Part(d.channel(), session.user().orElseThrow().name(), "channel deleted"));
				leave(session, d.channel(), "#" + d.channel() + " was deleted");
			}
		}
		else if (event instanceof ChatEvent.SessionsTerminated t) {
			for (ChatSession session : this.registry.ofUser(t.userId())) {
				if (t.error() != null) {
					session.send(new ServerEvent.Error(t.error().code(), t.text(), null));
				}
				session.bye(t.reason());
			}
		}
		else if (event instanceof ChatEvent.UserUpdated u) {
			// roles and colour reach every open session of the user at once
			ChatUser updated = ChatUser.of(u.userId(), u.user(), u.roles(), u.color());
			this.registry.ofUser(u.userId()).forEach(session -> session.updateUser(updated));
		}
		else if (event instanceof ChatEvent.IgnoreListChanged i) {
			this.registry.ofUser(i.userId()).forEach(session -> session.ignoring(i.ignored()));
		}
		else if (event instanceof ChatEvent.PasswordChanged p) {
			this.registry.ofUser(p.userId())
				.stream()
				.filter(session -> !session.id().equals(p.keepSession()))
				.forEach(session -> session.bye("password-changed"));
		}
	}

	/**
	 * Takes the channel from the session; if it was the current one, the session is told at once that plain
	 * lines now go nowhere, rather than quietly sending them to another channel.
	 */
	private void leave(ChatSession session, String channel, String why) {
		if (this.registry.left(session, channel)) {
			session.send(new ServerEvent.Notice(NO_CHANNEL, "You have no current channel: " + why
					+ ". Plain lines go nowhere until you //join a channel.", channel));
		}
	}

	/** Those of the {@code watchers} that share a channel with the user (never the user's own sessions). */
	private static Collection<ChatSession> sharingAChannel(Collection<ChatSession> watchers, long userId,
			List<String> channels) {
		if (watchers.isEmpty()) {
			return List.of();
		}
		Set<String> theirs = Set.copyOf(channels);
		return watchers.stream()
			.filter(s -> s.user().map(u -> u.id() != userId).orElse(false))
			.filter(s -> s.channels().stream().anyMatch(theirs::contains))
			.toList();
	}

	/** Who got a channel message (its channel's members) or a DM (both sides), for news about it. */
	private Collection<ChatSession> audience(String channel, long fromId, Long toId, String from) {
		if (channel != null) {
			return notIgnoring(this.registry.inChannel(channel), from);
		}
		Set<ChatSession> both = new LinkedHashSet<>(this.registry.ofUser(fromId));
		both.addAll(notIgnoring(this.registry.ofUser(toId), from));
		return both;
	}

	/** The sessions whose users do not ignore {@code sender}; most ignore nobody, so this rarely copies. */
	private static Collection<ChatSession> notIgnoring(Collection<ChatSession> sessions, String sender) {
		for (ChatSession session : sessions) {
			if (session.ignores(sender)) {
				return sessions.stream().filter(s -> !s.ignores(sender)).toList();
			}
		}
		return sessions;
	}

	private void deliver(Collection<ChatSession> sessions, ServerEvent event) {
		RenderedEvent rendered = this.renderer.prepare(event);
		for (ChatSession session : sessions) {
			this.metrics.delivery(session.send(rendered));
		}
	}

}
