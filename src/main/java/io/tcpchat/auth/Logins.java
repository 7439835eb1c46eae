package io.tcpchat.auth;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.tcpchat.config.ChatProperties;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.metrics.ChatMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Logins as sessions start them: by password, by registration, or by resume token. Each runs on the
 * {@link LoginExecutor} (never on a thread that reads chat lines) and ends with a fresh resume token. The
 * database is touched only in short transactions around the slow hash, never across it.
 */
@Service
public class Logins implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Logins.class);

	private final AccountService accounts;

	private final ResumeTokens tokens;

	private final LoginThrottle throttle;

	private final ChatEventBus events;

	private final ChatMetrics metrics;

	private final LoginExecutor executor;

	Logins(AccountService accounts, ResumeTokens tokens, LoginThrottle throttle, ChatEventBus events,
			ChatMetrics metrics, ChatProperties properties) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.throttle = throttle;
		this.events = events;
		this.metrics = metrics;
		int threads = properties.security().loginThreads();
		this.executor = new LoginExecutor((threads > 0) ? threads : Runtime.getRuntime().availableProcessors(),
				properties.security().loginQueue());
	}

	/** Checks the password ({@link AccountService#login}) and issues a resume token. */
	public CompletableFuture<Login> login(String username, String password, String address) {
		return this.executor.submit(() -> {
			ChatUser user = this.accounts.login(username, password, address);
			return new Login(user, this.tokens.issue(user.id()), false);
		});
	}

	/** Creates the account and its first resume token in one transaction ({@link AccountService#register}). */
	public CompletableFuture<Login> register(String username, String password, String address) {
		return this.executor.submit(() -> this.accounts.register(username, password, address,
				user -> new Login(user, this.tokens.issue(user.id()), true)));
	}

	/**
	 * Logs in with a resume token instead of the password: the token is used up and a fresh one issued. A wrong,
	 * used or expired token counts as a failed login for the throttle, like a wrong password.
	 */
	public CompletableFuture<Login> resume(String username, String token, String address) {
		return this.executor.submit(() -> {
			this.throttle.checkAllowed(username, address);
			Optional<ChatUser> user = this.accounts.findUser(username);
			Optional<String> fresh = user.flatMap(u -> this.tokens.exchange(u.id(), token));
			if (fresh.isEmpty()) {
				this.throttle.failed(username, address);
				log.info("Resume failed for {} from {}", user.map(u -> "'" + u.name() + "'").orElse("an unknown name"),
						address);
				this.metrics.loginFailed(ErrorCode.BAD_CREDENTIALS.code());
				throw new ChatException(ErrorCode.BAD_CREDENTIALS,
						"Wrong username or resume token (a token works once and expires); log in with the password.");
			}
			this.throttle.succeeded(username, address);
			this.accounts.admit(user.get());
			return new Login(user.get(), fresh.get(), false);
		});
	}

	/** Revokes every resume token of the user and ends all of the user's sessions, on every node. */
	@Transactional
	public void logoutAll(ChatUser user) {
		this.tokens.revokeAll(user.id());
		this.events.publishAfterCommit(new ChatEvent.SessionsTerminated(user.id(), user.name(), null, null,
				"logout-all"));
	}

	int threads() {
		return this.executor.threads();
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

}
