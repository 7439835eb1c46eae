package io.tcpchat.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.LoginGuard;
import io.tcpchat.auth.ResumeTokens;
import io.tcpchat.auth.Usernames;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.text.ChatText;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bans: stored with reason and optional expiry, enforced at login, and enforced at once on every online session
 * of the banned user.
 */
@Service
public class BanService implements LoginGuard {

	public static final int MAX_REASON_LENGTH = 500;

	/** The longest timed ban (3650 days); longer ones are meant as bans without expiry. */
	public static final long MAX_DURATION_SECONDS = 3650L * 24 * 3600;

	public static final Duration MAX_DURATION = Duration.ofSeconds(MAX_DURATION_SECONDS);

	private final BanRepository bans;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final Clock clock;

	private final AuditLog audit;

	private final ResumeTokens resumeTokens;

	BanService(BanRepository bans, AccountService accounts, ChatEventBus events, Clock clock, AuditLog audit,
			ResumeTokens resumeTokens) {
		this.resumeTokens = resumeTokens;
		this.bans = bans;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
		this.audit = audit;
	}

	@Transactional
	public BanInfo ban(ChatUser actor, String username, String reason, Duration duration) {
		ChatUser target = this.accounts.requireUser(username);
		if (Usernames.key(target.name()).equals(Usernames.key(actor.name()))) {
			throw ChatException.invalid("You cannot ban yourself.");
		}
		this.accounts.requireNotBootstrapAdmin(target.name(), "banned");
		String why = ChatText.hasVisible(reason) ? ChatText.clean(reason) : "no reason given";
		if (why.length() > MAX_REASON_LENGTH) {
			throw ChatException.invalid("A reason has at most " + MAX_REASON_LENGTH + " characters.");
		}
		if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
			throw ChatException.invalid("A timed ban lasts from 1 second to " + MAX_DURATION.toDays()
					+ " days; give no duration for a ban without expiry.");
		}
		Instant now = now();
		Instant expiresAt = (duration == null) ? null : now.plus(duration);
		String key = Usernames.key(target.name());
		Optional<Ban> existing = this.bans.findByUsernameKey(key);
		if (existing.isPresent() && existing.get().isActiveAt(now)) {
			throw ChatException.alreadyExists(target.name() + " is banned already.");
		}
		Ban ban;
		if (existing.isPresent()) {
			// an expired ban stopped applying: the new one takes its row (deleting first would collide on the
			// unique key, since the insert is flushed before the delete)
			ban = existing.get();
			ban.replace(why, actor.name(), now, expiresAt);
		}
		else {
			ban = new Ban(target.name(), key, why, actor.name(), now, expiresAt);
		}
		try {
			ban = this.bans.save(ban);
		}
		catch (DataIntegrityViolationException ex) {
			// another admin banned the same user at the same moment
			throw ChatException.alreadyExists(target.name() + " is banned already.");
		}
		BanInfo info = ban.toInfo();
		this.resumeTokens.revokeAll(target.id());
		this.audit.record(actor.name(), AuditAction.BAN, target.name(),
				why + ((expiresAt != null) ? " (until " + expiresAt + ")" : ""));
		this.events.publishAfterCommit(new ChatEvent.SessionsTerminated(target.id(), target.name(), ErrorCode.BANNED,
				describe(info), "banned"));
		return info;
	}

	/** Lifts a ban in force; an expired ban is not in force, so it is {@code not-found} (and its row goes). */
	@Transactional(noRollbackFor = ChatException.class)
	public void unban(ChatUser actor, String username) {
		Optional<Ban> found = this.bans.findByUsernameKey(Usernames.key(username));
		if (found.isEmpty() || !found.get().isActiveAt(now())) {
			found.ifPresent(this.bans::delete);
			throw ChatException.notFound(username + " is not banned.");
		}
		Ban ban = found.get();
		this.bans.delete(ban);
		this.audit.record(actor.name(), AuditAction.UNBAN, ban.toInfo().username(), null);
	}

	@EventListener
	void forgetBan(AccountDeletedEvent deleted) {
		this.bans.findByUsernameKey(Usernames.key(deleted.username())).ifPresent(this.bans::delete);
	}

	/** Bans in force, newest first; expired ones have stopped applying and are not listed. */
	@Transactional(readOnly = true)
	public List<BanInfo> activeBans() {
		Instant now = now();
		return this.bans.findAllByOrderByCreatedAtDesc().stream().filter(b -> b.isActiveAt(now)).map(Ban::toInfo).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public void check(ChatUser user) {
		this.bans.findByUsernameKey(Usernames.key(user.name()))
			.filter(b -> b.isActiveAt(now()))
			.ifPresent(b -> {
				throw new ChatException(ErrorCode.BANNED, describe(b.toInfo()));
			});
	}

	static String describe(BanInfo ban) {
		return "You are banned: " + ban.reason() + " ("
				+ (ban.expiresAt() == null ? "no expiry" : "until " + ban.expiresAt()) + ").";
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
