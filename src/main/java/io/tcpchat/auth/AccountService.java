package io.tcpchat.auth;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.ChatProperties.Registration;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.metrics.ChatMetrics;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: registration, credentials, roles and name colours.
 */
@Service
public class AccountService {

	/** Names per query when reading colours: a bounded IN list. */
	private static final int COLOR_BATCH = 500;

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	/** Looked up lazily: guards (e.g. bans) depend on this service in turn. */
	private final ObjectProvider<LoginGuard> loginGuards;

	private final ChatProperties properties;

	private final LoginThrottle throttle;

	private final Clock clock;

	private final AuditLog audit;

	private final ChatEventBus events;

	private final ApplicationEventPublisher applicationEvents;

	private final ChatMetrics metrics;

	/** Compared against when the name is unknown, so timing does not reveal which names exist. */
	private final String decoyHash;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ObjectProvider<LoginGuard> loginGuards,
			ChatProperties properties, LoginThrottle throttle, Clock clock, AuditLog audit, ChatEventBus events,
			ApplicationEventPublisher applicationEvents, ChatMetrics metrics) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.loginGuards = loginGuards;
		this.properties = properties;
		this.throttle = throttle;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
		this.applicationEvents = applicationEvents;
		this.metrics = metrics;
		this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-users");
	}

	/**
	 * Checks the credentials (throttled per account and client address) and every {@link LoginGuard}.
	 * @param address the client's address, for throttling; may be null
	 * @throws ChatException {@code bad-credentials} without saying which part was wrong, {@code rate-limited}, or
	 * a guard's refusal
	 */
	@Transactional(readOnly = true)
	public ChatUser login(String username, String password, String address) {
		this.throttle.checkAllowed(username, address);
		Optional<Account> account = Usernames.isValid(username) ? find(username) : Optional.empty();
		String hash = account.map(Account::passwordHash).orElse(this.decoyHash);
		boolean matches = password != null && this.passwordEncoder.matches(password, hash);
		if (account.isEmpty() || !matches) {
			this.throttle.failed(username, address);
			this.metrics.loginFailed(ErrorCode.BAD_CREDENTIALS.code());
			throw new ChatException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.");
		}
		this.throttle.succeeded(username);
		ChatUser user = account.get().toUser();
		try {
			this.loginGuards.orderedStream().forEach(guard -> guard.check(user));
		}
		catch (ChatException ex) {
			this.metrics.loginFailed(ex.code().code());
			throw ex;
		}
		this.metrics.loginSucceeded();
		return user;
	}

	/** Self-service registration, allowed only while registration is open. */
	@Transactional
	public ChatUser register(String username, String password) {
		if (!registrationOpen()) {
			throw new ChatException(ErrorCode.REGISTRATION_CLOSED,
					"Registration is closed; ask an admin for an account.");
		}
		return create(username, password, EnumSet.of(Role.USER));
	}

	/** Creates an account with the given roles (USER is always included). */
	@Transactional
	public ChatUser create(String username, String password, Set<Role> roles) {
		Usernames.requireValid(username);
		Passwords.requireAcceptable(password);
		if (this.accounts.existsByUsernameKey(Usernames.key(username))) {
			throw ChatException.alreadyExists("The name " + username + " is taken.");
		}
		Set<Role> allRoles = EnumSet.of(Role.USER);
		allRoles.addAll(roles);
		Account account = new Account(username, this.passwordEncoder.encode(password), allRoles,
				UserColors.defaultFor(username), this.clock.instant());
		try {
			return this.accounts.save(account).toUser();
		}
		catch (DataIntegrityViolationException ex) {
			throw ChatException.alreadyExists("The name " + username + " is taken.");
		}
	}

	/** An admin creates an account (audited). */
	@Transactional
	public ChatUser create(ChatUser actor, String username, String password, Set<Role> roles) {
		ChatUser created = create(username, password, roles);
		this.audit.record(actor.name(), AuditAction.CREATE_USER, created.name(), "roles " + created.roleNames());
		return created;
	}

	@Transactional
	public void changePassword(String username, String oldPassword, String newPassword) {
		Account account = require(username);
		if (!this.passwordEncoder.matches(oldPassword, account.passwordHash())) {
			throw new ChatException(ErrorCode.BAD_CREDENTIALS, "The current password is wrong.");
		}
		Passwords.requireAcceptable(newPassword);
		account.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.accounts.save(account);
	}

	/** An admin's reset, without the old password (audited). */
	@Transactional
	public void resetPassword(ChatUser actor, String username, String newPassword) {
		Account account = require(username);
		Passwords.requireAcceptable(newPassword);
		account.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.accounts.save(account);
		this.audit.record(actor.name(), AuditAction.RESET_PASSWORD, account.username(), null);
	}

	@Transactional
	public ChatUser changeColor(String username, String color) {
		Account account = require(username);
		account.changeColor(UserColors.parse(color));
		return this.accounts.save(account).toUser();
	}

	/**
	 * Deletes an account with everything kept for it (features listen to {@link AccountDeletedEvent}); its
	 * online sessions end once the deletion is committed.
	 */
	@Transactional
	public void delete(ChatUser actor, String username) {
		Account account = require(username);
		if (Usernames.key(account.username()).equals(Usernames.key(actor.name()))) {
			throw ChatException.invalid("You cannot delete your own account.");
		}
		this.accounts.delete(account);
		this.applicationEvents.publishEvent(new AccountDeletedEvent(account.username()));
		this.audit.record(actor.name(), AuditAction.DELETE_USER, account.username(), null);
		this.events.publishAfterCommit(
				new ChatEvent.SessionsTerminated(account.username(), null, null, "account deleted"));
	}

	@Transactional(readOnly = true)
	public Optional<ChatUser> findUser(String username) {
		return Usernames.isValid(username) ? find(username).map(Account::toUser) : Optional.empty();
	}

	/**
	 * The name colours of these users, by stored name, read in batches (for listings such as {@code //users});
	 * names without an account are left out.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> colorsOf(Collection<String> usernames) {
		List<String> keys = usernames.stream().map(Usernames::key).distinct().toList();
		Map<String, String> colors = new LinkedHashMap<>();
		for (int from = 0; from < keys.size(); from += COLOR_BATCH) {
			this.accounts.findByUsernameKeyIn(keys.subList(from, Math.min(keys.size(), from + COLOR_BATCH)))
				.forEach(account -> colors.put(account.username(), account.toUser().color()));
		}
		return colors;
	}

	/** The stored spelling of a name, or {@code not-found}. */
	@Transactional(readOnly = true)
	public ChatUser requireUser(String username) {
		return require(username).toUser();
	}

	/** For HTTP Basic: the stored hash and roles of an account. */
	@Transactional(readOnly = true)
	public Optional<Credentials> credentials(String username) {
		return find(username).map(a -> new Credentials(a.username(), a.passwordHash(), a.roles()));
	}

	public boolean registrationOpen() {
		return this.properties.registration() == Registration.OPEN;
	}

	private Optional<Account> find(String username) {
		return this.accounts.findByUsernameKey(Usernames.key(username));
	}

	private Account require(String username) {
		return (Usernames.isValid(username) ? find(username) : Optional.<Account>empty())
			.orElseThrow(() -> ChatException.notFound("There is no user " + username + "."));
	}

	public record Credentials(String username, String passwordHash, Set<Role> roles) {
	}

}
