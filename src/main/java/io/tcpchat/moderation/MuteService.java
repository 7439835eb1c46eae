package io.tcpchat.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Usernames;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mutes: a muted user can read but not send (channel messages, actions, DMs) until the mute expires or is lifted.
 * Stored here; enforced from memory by {@link MutedUsers}.
 */
@Service
public class MuteService {

	private final MuteRepository mutes;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final Clock clock;

	private final AuditLog audit;

	MuteService(MuteRepository mutes, AccountService accounts, ChatEventBus events, Clock clock, AuditLog audit) {
		this.mutes = mutes;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.audit = audit;
	}

	/** @param duration null: until {@code //unmute} */
	@Transactional
	public Instant mute(ChatUser actor, String username, Duration duration) {
		ChatUser target = this.accounts.requireUser(username);
		if (Usernames.key(target.name()).equals(Usernames.key(actor.name()))) {
			throw ChatException.invalid("You cannot mute yourself.");
		}
		this.accounts.requireNotBootstrapAdmin(target.name(), "muted");
		if (duration != null && (duration.isNegative() || duration.isZero()
				|| duration.compareTo(BanService.MAX_DURATION) > 0)) {
			throw ChatException.invalid("A timed mute lasts from 1 second to " + BanService.MAX_DURATION.toDays()
					+ " days; give no duration for a mute until //unmute.");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant until = (duration == null) ? null : now.plus(duration);
		this.mutes.deleteByAccountId(target.id());
		this.mutes.save(new Mute(target.id(), actor.name(), now, until));
		this.audit.record(actor.name(), AuditAction.MUTE, target.name(), (duration == null) ? null : "for " + duration);
		this.events.publishAfterCommit(new ChatEvent.UserMuted(target.id(), target.name(), until));
		return until;
	}

	@Transactional
	public void unmute(ChatUser actor, String username) {
		ChatUser target = this.accounts.requireUser(username);
		if (this.mutes.deleteByAccountId(target.id()) == 0) {
			throw ChatException.notFound(target.name() + " is not muted.");
		}
		this.audit.record(actor.name(), AuditAction.UNMUTE, target.name(), null);
		this.events.publishAfterCommit(new ChatEvent.UserUnmuted(target.id(), target.name()));
	}

	@EventListener
	void forgetMute(AccountDeletedEvent deleted) {
		this.mutes.deleteByAccountId(deleted.accountId());
	}

}
