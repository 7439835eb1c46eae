package io.tcpchat.session;

import java.util.Locale;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.Logins;
import io.tcpchat.auth.Passwords;
import io.tcpchat.auth.Usernames;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.Prompt;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * The login dialogue: username, then password. Under open registration an unknown name is first confirmed
 * ({@code confirm}: "register it?"), before any password is asked, then leads through new-password and
 * repeat-password and creates the account. A cancel is deliberate: an empty line at a password prompt or
 * {@code no} at the confirmation goes back to the username prompt, and is never counted as a failed login.
 */
@Component
class LoginConversation {

	private final AccountService accounts;

	private final Logins logins;

	LoginConversation(AccountService accounts, Logins logins) {
		this.accounts = accounts;
		this.logins = logins;
	}

	void start(CommandContext session) {
		session.ask(Prompt.open("username", "Username:"), this::username);
	}

	private void username(CommandContext session, String answer) {
		String name = answer.trim();
		if (name.isEmpty()) {
			start(session);
			return;
		}
		if (this.accounts.registrationOpen() && !this.accounts.isTaken(name)) {
			confirmRegistration(session, name);
			return;
		}
		session.ask(Prompt.secret("password", "Password (empty line to cancel):"), (ctx, password) -> {
			if (password.isEmpty()) {
				start(ctx);
				return;
			}
			login(ctx, name, password);
		});
	}

	private void login(CommandContext session, String name, String password) {
		session.completeLogin("login", this.logins.login(name, password, session.remoteAddress()), ex -> {
			if (ex.code() != ErrorCode.BANNED) {
				start(session);
			}
		});
	}

	private void confirmRegistration(CommandContext session, String name) {
		if (!Usernames.isValidNew(name)) {
			session.error("register", ChatException.invalid("There is no account " + name
					+ ", and it cannot be registered: " + Usernames.RULE));
			start(session);
			return;
		}
		session.ask(Prompt.open("confirm", "There is no account " + name + ". Register it? (yes/no)"),
				(ctx, answer) -> {
					String choice = answer.trim().toLowerCase(Locale.ROOT);
					if (choice.equals("yes") || choice.equals("y")) {
						offerRegistration(ctx, name);
					}
					else if (choice.equals("no") || choice.equals("n")) {
						start(ctx);
					}
					else {
						confirmRegistration(ctx, name);
					}
				});
	}

	private void offerRegistration(CommandContext session, String name) {
		session.ask(Prompt.secret("new-password", "New account " + name + ". Choose a password (at least "
				+ Passwords.MIN_LENGTH + " characters; empty line to cancel):"), (ctx, first) -> {
					if (first.isEmpty()) {
						start(ctx);
						return;
					}
					ctx.ask(Prompt.secret("repeat-password", "Repeat the password (empty line to cancel):"),
							(ctx2, second) -> {
								if (second.isEmpty()) {
									start(ctx2);
									return;
								}
								register(ctx2, name, first, second);
							});
				});
	}

	private void register(CommandContext session, String name, String password, String repeated) {
		if (!Passwords.normalize(password).equals(Passwords.normalize(repeated))) {
			session.error("register", ChatException.invalid("The passwords differ."));
			offerRegistration(session, name);
			return;
		}
		session.completeLogin("register", this.logins.register(name, password, session.remoteAddress()), ex -> {
			if (ex.code() == ErrorCode.INVALID_ARGUMENT) {
				offerRegistration(session, name);
			}
			else {
				start(session);
			}
		});
	}

}
