package io.tcpchat.session;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import io.tcpchat.channel.ChannelNames;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventListener;
import io.tcpchat.metrics.ChatMetrics;
import io.tcpchat.protocol.ServerEvent;
import io.tcpchat.session.EventRenderer.RenderedEvent;

import org.springframework.stereotype.Component;

/**
 * Delivers chat events to the sessions of this node that should see them, rendering each event once per format.
 */
@Component
class EventDelivery implements ChatEventListener {

	private final SessionRegistry registry;

	private final EventRenderer renderer;

	private final ChatMetrics metrics;

	private final String defaultChannel;

	EventDelivery(SessionRegistry registry, EventRenderer renderer, ChatMetrics metrics, ChatProperties properties) {
		this.registry = registry;
		this.renderer = renderer;
		this.metrics = metrics;
		this.defaultChannel = ChannelNames.normalize(properties.defaultChannel());
	}

	@Override
	public void onEvent(ChatEvent event) {
		if (event instanceof ChatEvent.ChannelMessage m) {
			deliver(this.registry.inChannel(m.channel()),
					new ServerEvent.Message(m.id(), m.ts(), m.channel(), m.from(), m.color(), m.text()));
		}
		else if (event instanceof ChatEvent.DirectMessage d) {
			Set<ChatSession> both = new LinkedHashSet<>(this.registry.ofUser(d.from()));
			both.addAll(this.registry.ofUser(d.to()));
			deliver(both, new ServerEvent.Dm(d.id(), d.ts(), d.from(), d.to(), d.color(), d.text()));
		}
		else if (event instanceof ChatEvent.Broadcast b) {
			deliver(this.registry.all().stream().filter(ChatSession::isLoggedIn).toList(),
					new ServerEvent.Broadcast(b.id(), b.ts(), b.from(), b.text()));
		}
		else if (event instanceof ChatEvent.MemberJoined j) {
			this.registry.ofUser(j.user()).forEach(s -> this.registry.joined(s, j.channel()));
			deliver(this.registry.inChannel(j.channel()), new ServerEvent.Join(j.channel(), j.user()));
		}
		else if (event instanceof ChatEvent.MemberLeft l) {
			deliver(this.registry.inChannel(l.channel()), new ServerEvent.Part(l.channel(), l.user(), null));
			this.registry.ofUser(l.user()).forEach(s -> this.registry.left(s, l.channel(), this.defaultChannel));
		}
		else if (event instanceof ChatEvent.ChannelDeleted d) {
			for (ChatSession session : this.registry.inChannel(d.channel())) {
				session.send(new ServerEvent.Part(d.channel(), session.user().orElseThrow().name(), "channel deleted"));
				this.registry.left(session, d.channel(), this.defaultChannel);
			}
		}
		else if (event instanceof ChatEvent.SessionsTerminated t) {
			for (ChatSession session : this.registry.ofUser(t.user())) {
				if (t.error() != null) {
					session.send(new ServerEvent.Error(t.error().code(), t.text(), null));
				}
				session.bye(t.reason());
			}
		}
	}

	private void deliver(Collection<ChatSession> sessions, ServerEvent event) {
		RenderedEvent rendered = this.renderer.prepare(event);
		for (ChatSession session : sessions) {
			this.metrics.delivery(session.send(rendered));
		}
	}


}
