package io.tcpchat.presence;

import java.time.Clock;

import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.channel.ChannelService;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Online/offline notices ({@code //notify on|off}, off by default, kept per account): whoever turned them on is
 * told when someone they share a channel with comes online (first session) or goes offline (last session). The
 * session layer keeps each session's choice and decides who shares a channel; this service keeps the choice and
 * announces the changes.
 */
@Service
public class PresenceNotices {

	private final PresenceNoticeRepository notices;

	private final PresenceService presence;

	private final ChatEventBus events;

	private final Clock clock;

	private final ChannelService channels;

	PresenceNotices(PresenceNoticeRepository notices, PresenceService presence, ChatEventBus events, Clock clock,
			ChannelService channels) {
		this.channels = channels;
		this.notices = notices;
		this.presence = presence;
		this.events = events;
		this.clock = clock;
	}

	/** Whether the user wants the notices (read once per login). */
	@Transactional(readOnly = true)
	public boolean wanted(ChatUser user) {
		return this.notices.existsById(user.id());
	}

	/** @return whether they were on before */
	@Transactional
	public boolean set(ChatUser user, boolean on) {
		boolean was = this.notices.existsById(user.id());
		if (on && !was) {
			this.notices.save(new PresenceNotice(user.id(), this.clock.instant()));
		}
		else if (!on && was) {
			this.notices.deleteByAccountId(user.id());
		}
		this.events.publishAfterCommit(new ChatEvent.PresenceNoticesChanged(user.id(), on));
		return was;
	}

	/** Before a session of the user goes online: whether it is the first (then {@link #cameOnline} follows). */
	public boolean isOnline(ChatUser user) {
		return this.presence.isOnline(user.id());
	}

	public void cameOnline(ChatUser user) {
		this.events.publish(new ChatEvent.PresenceChanged(user.id(), user.name(), true, this.channels.channelsOf(user.id())));
	}

	/** After a session of the user went offline: announces it if it was the last one. */
	public void leftSession(ChatUser user) {
		if (!this.presence.isOnline(user.id())) {
			this.events.publish(new ChatEvent.PresenceChanged(user.id(), user.name(), false,
					this.channels.channelsOf(user.id())));
		}
	}

	@EventListener
	void forget(AccountDeletedEvent deleted) {
		this.notices.deleteByAccountId(deleted.accountId());
	}

}
