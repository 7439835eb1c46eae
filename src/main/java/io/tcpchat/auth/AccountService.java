package io.tcpchat.auth;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.config.ChatProperties;
import io.tcpchat.config.ChatProperties.Registration;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.metrics.ChatMetrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts: registration, credentials, name colours and look-ups. A deleted account is a tombstone: it cannot log
 * in and is never found as a user, but its name stays taken. Admin-only changes are in {@link AccountAdminService}.
 */
@Service
public class AccountService {

	private static final Logger log = LoggerFactory.getLogger(AccountService.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	/** Looked up lazily: guards (e.g. bans) depend on this service in turn. */
	private final ObjectProvider<LoginGuard> loginGuards;

	private final ChatProperties properties;

	private final ReservedNames reserved;

	private final LoginThrottle throttle;

	private final RegistrationLimit registrations;

	private final Clock clock;

	private final AuditLog audit;

	private final ChatEventBus events;

	private final ChatMetrics metrics;

	private final ResumeTokens resumeTokens;

	private final TransactionTemplate transactions;

	private final UserDirectory directory;

	/** Compared against when the name is unknown, so timing does not reveal which names exist. */
	private final String decoyHash;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, ObjectProvider<LoginGuard> loginGuards,
			ChatProperties properties, ReservedNames reserved, LoginThrottle throttle,
			RegistrationLimit registrations, Clock clock, AuditLog audit, ChatEventBus events, ChatMetrics metrics,
			ResumeTokens resumeTokens, TransactionTemplate transactions, UserDirectory directory) {
		this.directory = directory;
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.loginGuards = loginGuards;
		this.properties = properties;
		this.reserved = reserved;
		this.throttle = throttle;
		this.registrations = registrations;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
		this.metrics = metrics;
		this.resumeTokens = resumeTokens;
		this.transactions = transactions;
		this.decoyHash = passwordEncoder.encode("decoy-password-for-unknown-users");
	}

	/**
	 * Checks the credentials (throttled per account and client address) and every {@link LoginGuard}.
	 * @param address the client's address, for throttling; may be null
	 * @throws ChatException {@code bad-credentials} without saying which part was wrong, {@code rate-limited}, or
	 * a guard's refusal
	 */
	public ChatUser login(String username, String password, String address) {
		this.throttle.checkAllowed(username, address);
		// a short read of its own: no transaction (nor pooled connection) is held while the hash is compared
		Optional<Account> account = Usernames.isValid(username) ? find(username) : Optional.empty();
		if (account.isEmpty() || !matches(password, account.get().passwordHash())) {
			if (account.isEmpty()) {
				matches(password, this.decoyHash);
			}
			this.throttle.failed(username, address);
			log.info("Login failed for {} from {}", account.isPresent() ? "'" + account.get().username() + "'"
					: "an unknown name", address);
			this.metrics.loginFailed(ErrorCode.BAD_CREDENTIALS.code());
			throw new ChatException(ErrorCode.BAD_CREDENTIALS, "Wrong username or password.");
		}
		this.throttle.succeeded(username, address);
		ChatUser user = account.get().toUser();
		admit(user);
		return user;
	}

	/** Lets a user whose credentials were right in, unless a {@link LoginGuard} refuses (e.g. a ban). */
	void admit(ChatUser user) {
		try {
			this.loginGuards.orderedStream().forEach(guard -> guard.check(user));
		}
		catch (ChatException ex) {
			this.metrics.loginFailed(ex.code().code());
			throw ex;
		}
		this.metrics.loginSucceeded();
	}

	/**
	 * Passwords are compared without surrounding spaces ({@link Passwords#normalize}); a password stored before
	 * that rule, with such spaces, still matches as typed.
	 */
	private boolean matches(String password, String hash) {
		if (password == null) {
			return false;
		}
		String normalized = Passwords.normalize(password);
		return this.passwordEncoder.matches(normalized, hash)
				|| (!normalized.equals(password) && this.passwordEncoder.matches(password, hash));
	}

	/**
	 * Self-service registration, allowed only while registration is open, and only so often per address.
	 * @param address the client's address as its connection reports it
	 */
	public ChatUser register(String username, String password, String address) {
		return register(username, password, address, Function.identity());
	}

	/**
	 * Registration, and {@code andThen} in the same transaction (e.g. issuing the first resume token), so both
	 * happen or neither does. The password is hashed before the transaction begins.
	 */
	<T> T register(String username, String password, String address, Function<ChatUser, T> andThen) {
		if (!registrationOpen()) {
			throw new ChatException(ErrorCode.REGISTRATION_CLOSED,
					"Registration is closed; ask an admin for an account.");
		}
		return this.registrations.register(address, () -> {
			Usernames.requireValidNew(username);
			if (this.reserved.isReserved(username)) {
				throw ChatException.alreadyExists("The name " + username + " is reserved.");
			}
			String passwordHash = hash(password);
			return this.transactions
				.execute(status -> andThen.apply(insert(username, passwordHash, EnumSet.of(Role.USER))));
		});
	}

	/** Creates an account with the given roles (USER is always included). */
	@Transactional
	public ChatUser create(String username, String password, Set<Role> roles) {
		Usernames.requireValidNew(username);
		if (this.reserved.isReserved(username)) {
			throw ChatException.alreadyExists("The name " + username + " is reserved.");
		}
		return insert(username, hash(password), roles);
	}

	/** The bootstrap admin: its own name is reserved for everyone else. */
	@Transactional
	ChatUser createBootstrapAdmin(String username, String password) {
		return insert(username, hash(password), EnumSet.of(Role.ADMIN));
	}

	private String hash(String password) {
		return this.passwordEncoder.encode(Passwords.requireAcceptable(password));
	}

	private ChatUser insert(String username, String passwordHash, Set<Role> roles) {
		Optional<Account> holder = this.accounts.findByUsernameKey(Usernames.key(username));
		if (holder.isPresent()) {
			throw ChatException.alreadyExists("The name " + username
					+ (holder.get().isDeleted() ? " is reserved: it belonged to a deleted account." : " is taken."));
		}
		if (this.accounts.existsBySkeleton(Usernames.skeleton(username))) {
			throw ChatException.alreadyExists("The name " + username + " looks too much like one that is taken.");
		}
		Set<Role> allRoles = EnumSet.of(Role.USER);
		allRoles.addAll(roles);
		Account account = new Account(username, passwordHash, allRoles,
				UserColors.defaultFor(username), this.clock.instant());
		ChatUser created;
		try {
			created = this.accounts.save(account).toUser();
		}
		catch (DataIntegrityViolationException ex) {
			throw ChatException.alreadyExists("The name " + username + " is taken.");
		}
		this.events.publishAfterCommit(
				new ChatEvent.UserCreated(created.id(), created.name(), created.roleNames(), created.color()));
		return created;
	}

	/** An admin creates an account (audited). */
	@Transactional
	public ChatUser create(ChatUser actor, String username, String password, Set<Role> roles) {
		ChatUser created = create(username, password, roles);
		this.audit.record(actor.name(), AuditAction.CREATE_USER, created.name(), "roles " + created.roleNames());
		return created;
	}

	/**
	 * A user changes their own password. Wrong current passwords are throttled like logins (per account and
	 * address). Every other session of the user ends once committed.
	 * @param address the client's address, for throttling; may be null
	 * @param session the session that asked (it stays), or null
	 */
	@Transactional
	public void changePassword(ChatUser user, String oldPassword, String newPassword, String address,
			String session) {
		this.throttle.checkAllowed(user.name(), address);
		Account account = requireLive(user.id());
		if (!matches(oldPassword, account.passwordHash())) {
			this.throttle.failed(user.name(), address);
			throw new ChatException(ErrorCode.BAD_CREDENTIALS, "The current password is wrong.");
		}
		this.throttle.succeeded(user.name(), address);
		setPassword(account, newPassword, session);
	}

	void setPassword(Account account, String newPassword, String keepSession) {
		account.changePasswordHash(this.passwordEncoder.encode(Passwords.requireAcceptable(newPassword)));
		this.accounts.save(account);
		this.resumeTokens.revokeAll(account.id());
		this.events.publishAfterCommit(new ChatEvent.PasswordChanged(account.id(), account.username(), keepSession));
	}

	@Transactional
	public ChatUser changeColor(ChatUser user, String color) {
		Account account = requireLive(user.id());
		account.changeColor(UserColors.parse(color));
		ChatUser updated = this.accounts.save(account).toUser();
		this.events.publishAfterCommit(
				new ChatEvent.UserUpdated(updated.id(), updated.name(), updated.roleNames(), updated.color()));
		return updated;
	}

	/** A live user by name, from the in-memory directory (the database only on a miss). */
	public Optional<ChatUser> findUser(String username) {
		if (!Usernames.isValid(username)) {
			return Optional.empty();
		}
		return this.directory.find(Usernames.key(username),
				key -> this.accounts.findByUsernameKey(key).filter(a -> !a.isDeleted()).map(Account::toUser));
	}

	/**
	 * A live user by name if the in-memory directory has it, never reading the database (for the message path,
	 * e.g. mentions). Every user who logged in since the start is in it (see {@link #remember}), and whoever was
	 * looked up recently.
	 */
	public Optional<ChatUser> knownUser(String username) {
		if (!Usernames.isValid(username)) {
			return Optional.empty();
		}
		Optional<ChatUser> known = this.directory.peek(Usernames.key(username));
		return (known == null) ? Optional.empty() : known;
	}

	/** Puts a user who just logged in into the directory (a look-up, reading the database only on a miss). */
	public void remember(ChatUser user) {
		findUser(user.name());
	}

	/** Whether a name is held: by an account, a deleted account's tombstone, or the reserved names. */
	@Transactional(readOnly = true)
	public boolean isTaken(String username) {
		return Usernames.isValid(username) && (this.reserved.isReserved(username)
				|| this.accounts.existsByUsernameKey(Usernames.key(username)));
	}

	/**
	 * The name colours of these users, by stored name (for listings such as {@code //users}), from the in-memory
	 * directory; names without an account are left out.
	 */
	public Map<String, String> colorsOf(Collection<String> usernames) {
		Map<String, String> colors = new LinkedHashMap<>();
		for (String name : usernames) {
			findUser(name).ifPresent(user -> colors.put(user.name(), user.color()));
		}
		return colors;
	}

	/** The stored spelling of a name, or {@code not-found}. */
	public ChatUser requireUser(String username) {
		return findUser(username).orElseThrow(() -> ChatException.notFound("There is no user " + username + "."));
	}

	/** The names of accounts by id, deleted ones included (marked); unknown ids are left out. */
	@Transactional(readOnly = true)
	public Map<Long, AccountName> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.accounts.findByIdIn(ids)
			.stream()
			.map(Account::toName)
			.collect(Collectors.toMap(AccountName::id, Function.identity()));
	}

	/** For HTTP Basic: the stored hash and roles of a live account. */
	@Transactional(readOnly = true)
	public Optional<Credentials> credentials(String username) {
		return (Usernames.isValid(username) ? find(username) : Optional.<Account>empty())
			.map(a -> new Credentials(a.username(), a.passwordHash(), a.roles()));
	}

	/**
	 * A name someone gave, as it may be logged: quoted if it is an account's, else only "an unknown name" (it
	 * may be a password typed into the username field, or text made to forge a log line).
	 */
	public String nameForLog(String username) {
		return findUser(username).map(user -> "'" + user.name() + "'").orElse("an unknown name");
	}

	public boolean registrationOpen() {
		return this.properties.registration() == Registration.OPEN;
	}

	/** Whether {@code user} is the configured bootstrap admin ({@code chat.admin.username}). */
	public boolean isBootstrapAdmin(String username) {
		return Usernames.key(username).equals(Usernames.key(this.properties.admin().username()));
	}

	/** @throws ChatException {@code forbidden} if {@code target} is the bootstrap admin */
	public void requireNotBootstrapAdmin(String target, String what) {
		if (isBootstrapAdmin(target)) {
			throw ChatException.forbidden("The bootstrap admin " + target + " cannot be " + what + ".");
		}
	}

	/** A live account by name. */
	private Optional<Account> find(String username) {
		return this.accounts.findByUsernameKey(Usernames.key(username)).filter(a -> !a.isDeleted());
	}

	private Account requireLive(long id) {
		return this.accounts.findByIdIn(List.of(id))
			.stream()
			.filter(a -> !a.isDeleted())
			.findFirst()
			.orElseThrow(() -> ChatException.notFound("Your account no longer exists."));
	}

	public record Credentials(String username, String passwordHash, Set<Role> roles) {
	}

}
