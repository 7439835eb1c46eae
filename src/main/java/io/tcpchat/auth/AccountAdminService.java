package io.tcpchat.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to other accounts: delete them (leaving a tombstone that keeps the name reserved), release a
 * deleted account's name, reset passwords. There is always at least one admin: changes that could remove one
 * are checked under row locks ({@link AccountRepository#lockAdminsAnd}), and the bootstrap admin
 * ({@code chat.admin.username}) cannot be deleted or have its password reset by another admin.
 */
@Service
public class AccountAdminService {

	private final AccountRepository accounts;

	private final AccountService accountService;

	private final ReservedNames reserved;

	private final Clock clock;

	private final AuditLog audit;

	private final ResumeTokens resumeTokens;

	private final ChatEventBus events;

	private final ApplicationEventPublisher applicationEvents;

	AccountAdminService(AccountRepository accounts, AccountService accountService, ReservedNames reserved, Clock clock,
			AuditLog audit, ChatEventBus events, ApplicationEventPublisher applicationEvents, ResumeTokens resumeTokens) {
		this.resumeTokens = resumeTokens;
		this.accounts = accounts;
		this.accountService = accountService;
		this.reserved = reserved;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
		this.applicationEvents = applicationEvents;
	}

	/**
	 * Deletes an account: it becomes a tombstone that keeps its name reserved, features drop what they keep for
	 * it ({@link AccountDeletedEvent}), and its sessions end once committed.
	 */
	@Transactional
	public void delete(ChatUser actor, String username) {
		if (Usernames.isValid(username) && Usernames.key(username).equals(Usernames.key(actor.name()))) {
			throw ChatException.invalid("You cannot delete your own account.");
		}
		Account target = lockForChange(actor, username);
		this.accountService.requireNotBootstrapAdmin(target.username(), "deleted");
		target.markDeleted(this.clock.instant());
		this.accounts.save(target);
		this.resumeTokens.revokeAll(target.id());
		this.applicationEvents.publishEvent(new AccountDeletedEvent(target.id(), target.username()));
		this.audit.record(actor.name(), AuditAction.DELETE_USER, target.username(), null);
		this.events.publishAfterCommit(new ChatEvent.UserDeleted(target.id(), target.username()));
		this.events.publishAfterCommit(
				new ChatEvent.SessionsTerminated(target.id(), target.username(), null, null, "account deleted"));
	}

	/** An admin's reset, without the old password (audited); the user's sessions end. */
	@Transactional
	public void resetPassword(ChatUser actor, String username, String newPassword) {
		Account target = lockForChange(actor, username);
		if (target.id() != actor.id()) {
			this.accountService.requireNotBootstrapAdmin(target.username(), "given a new password by another admin");
		}
		this.accountService.setPassword(target, newPassword, null);
		this.audit.record(actor.name(), AuditAction.RESET_PASSWORD, target.username(), null);
	}

	/**
	 * Makes a user an admin, or a plain user again (audited). There is always an admin, and the configured one
	 * keeps its role. A demoted admin's sessions end, so no open session keeps powers the account lost.
	 * @return the account as it is now
	 */
	@Transactional
	public ChatUser changeRole(ChatUser actor, String username, Role role) {
		Account target = lockForChange(actor, username, role == Role.USER);
		boolean demoted = target.isAdmin() && role == Role.USER;
		if (demoted) {
			this.accountService.requireNotBootstrapAdmin(target.username(), "made a plain user");
		}
		target.changeRoles((role == Role.ADMIN) ? EnumSet.of(Role.ADMIN, Role.USER) : EnumSet.of(Role.USER));
		ChatUser changed = this.accounts.save(target).toUser();
		this.audit.record(actor.name(), AuditAction.ROLE, changed.name(), role.name().toLowerCase(Locale.ROOT));
		this.events.publishAfterCommit(
				new ChatEvent.UserUpdated(changed.id(), changed.name(), changed.roleNames(), changed.color()));
		if (demoted) {
			this.events.publishAfterCommit(new ChatEvent.SessionsTerminated(changed.id(), changed.name(), null, null,
					"roles-changed"));
		}
		return changed;
	}

	/** One page of the accounts (live ones), by name. */
	@Transactional(readOnly = true)
	public List<ChatUser> accounts(int page, int size) {
		return this.accounts.findByDeletedAtIsNullOrderByUsernameKeyAsc(PageRequest.of(page, size))
			.stream()
			.map(Account::toUser)
			.toList();
	}

	/**
	 * Frees a deleted account's name, so it may be registered again. Old messages of the deleted account stay
	 * attributed to it (shown as deleted), never to the name's new holder.
	 * @throws ChatException {@code not-found} if no deleted account holds the name, {@code forbidden} (409 over
	 * REST) for the configured reserved names
	 */
	@Transactional
	public String releaseName(ChatUser actor, String name) {
		if (Usernames.isValid(name) && this.reserved.isReserved(name)
				&& this.accounts.findByUsernameKey(Usernames.key(name)).filter(Account::isDeleted).isEmpty()) {
			throw new ChatException(ErrorCode.PROTECTED,
					"The name " + name + " is reserved by configuration (chat.admin.username, chat.reserved-names).");
		}
		Account tombstone = tombstone(name)
			.orElseThrow(() -> ChatException.notFound("No deleted account holds the name " + name + "."));
		String released = release(tombstone);
		this.audit.record(actor.name(), AuditAction.RELEASE_NAME, released, null);
		return released;
	}

	/** For the bootstrap admin at start: frees its name from a tombstone (not audited: no admin acted). */
	@Transactional
	boolean releaseForBootstrap(String name) {
		return tombstone(name).map(this::release).isPresent();
	}

	private String release(Account tombstone) {
		tombstone.releaseName();
		this.accounts.save(tombstone);
		this.events.publishAfterCommit(new ChatEvent.NameReleased(tombstone.id(), tombstone.username()));
		return tombstone.username();
	}

	/** Every name that cannot be registered: the configured ones, then deleted accounts' names. */
	@Transactional(readOnly = true)
	public List<ReservedName> reservedNames() {
		List<ReservedName> all = new ArrayList<>();
		List<String> configured = this.reserved.names();
		for (int i = 0; i < configured.size(); i++) {
			all.add(new ReservedName(configured.get(i), (i == 0) ? "admin" : "service", null));
		}
		this.accounts.findByDeletedAtIsNotNullAndUsernameKeyIsNotNullOrderByUsernameKeyAsc()
			.forEach(a -> all.add(new ReservedName(a.username(), "deleted", a.deletedAt())));
		return all;
	}

	private Optional<Account> tombstone(String name) {
		return Usernames.isValid(name)
				? this.accounts.findByUsernameKey(Usernames.key(name)).filter(Account::isDeleted) : Optional.empty();
	}

	/**
	 * Locks the admins, the actor and the target (see {@link AccountRepository#lockAdminsAnd}) and checks, on
	 * their committed state, that the actor is still an admin and the target a live account.
	 */
	private Account lockForChange(ChatUser actor, String username) {
		return lockForChange(actor, username, true);
	}

	/** @param removesAdmin whether the change would take the target's admin role away (delete, demote) */
	private Account lockForChange(ChatUser actor, String username, boolean removesAdmin) {
		if (!Usernames.isValid(username)) {
			throw ChatException.notFound("There is no user " + username + ".");
		}
		List<Account> locked = this.accounts.lockAdminsAnd(List.of(actor.id()), Usernames.key(username));
		boolean actorIsAdmin = locked.stream().anyMatch(a -> a.id() == actor.id() && a.isAdmin());
		if (!actorIsAdmin) {
			throw ChatException.forbidden("Your account is no longer an admin.");
		}
		Account target = locked.stream()
			.filter(a -> !a.isDeleted() && Usernames.key(username).equals(Usernames.key(a.username())))
			.findFirst()
			.orElseThrow(() -> ChatException.notFound("There is no user " + username + "."));
		long admins = locked.stream().filter(Account::isAdmin).count();
		if (removesAdmin && target.isAdmin() && admins <= 1) {
			throw ChatException.forbidden("There must always be at least one admin.");
		}
		return target;
	}

}
