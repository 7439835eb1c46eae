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
import io.tcpchat.auth.Usernames;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bans: stored with reason and optional expiry, enforced at login, and enforced at once on every online session
 * of the banned user.
 */
@Service
public class BanService implements LoginGuard {

	public static final int MAX_REASON_LENGTH = 500;

	private final BanRepository bans;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final Clock clock;

	private final AuditLog audit;

	BanService(BanRepository bans, AccountService accounts, ChatEventBus events, Clock clock, AuditLog audit) {
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
		String why = (reason == null || reason.isBlank()) ? "no reason given" : reason.strip();
		if (why.length() > MAX_REASON_LENGTH) {
			throw ChatException.invalid("A reason has at most " + MAX_REASON_LENGTH + " characters.");
		}
		Instant now = now();
		Optional<Ban> existing = this.bans.findByUsernameKey(Usernames.key(target.name()));
		if (existing.isPresent()) {
			if (existing.get().isActiveAt(now)) {
				throw ChatException.alreadyExists(target.name() + " is banned already.");
			}
			this.bans.delete(existing.get());
		}
		if (duration != null && (duration.isNegative() || duration.isZero())) {
			throw ChatException.invalid("A ban lasts a positive time, or has no expiry.");
		}
		Instant expiresAt = (duration == null) ? null : now.plus(duration);
		Ban ban = this.bans
			.save(new Ban(target.name(), Usernames.key(target.name()), why, actor.name(), now, expiresAt));
		BanInfo info = ban.toInfo();
		this.audit.record(actor.name(), AuditAction.BAN, target.name(),
				why + ((expiresAt != null) ? " (until " + expiresAt + ")" : ""));
		this.events.publishAfterCommit(new ChatEvent.SessionsTerminated(target.id(), target.name(), ErrorCode.BANNED,
				describe(info), "banned"));
		return info;
	}

	@Transactional
	public void unban(ChatUser actor, String username) {
		Ban ban = this.bans.findByUsernameKey(Usernames.key(username))
			.filter(b -> b.isActiveAt(now()))
			.orElseThrow(() -> ChatException.notFound(username + " is not banned."));
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
