package io.tcpchat.session;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.Passwords;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.Prompt;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * The login dialogue: username, then password; under open registration an unknown name leads through
 * new-password and repeat-password (an empty answer goes back to the start) and creates the account.
 */
@Component
class LoginConversation {

	private final AccountService accounts;

	LoginConversation(AccountService accounts) {
		this.accounts = accounts;
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
		if (this.accounts.registrationOpen() && this.accounts.findUser(name).isEmpty()) {
			offerRegistration(session, name);
			return;
		}
		session.ask(Prompt.secret("password", "Password:"), (ctx, password) -> login(ctx, name, password));
	}

	private void login(CommandContext session, String name, String password) {
		try {
			session.completeLogin(this.accounts.login(name, password, session.remoteAddress()));
		}
		catch (ChatException ex) {
			session.error("login", ex);
			if (ex.code() != ErrorCode.BANNED) {
				start(session);
			}
		}
	}

	private void offerRegistration(CommandContext session, String name) {
		try {
			io.tcpchat.auth.Usernames.requireValid(name);
		}
		catch (ChatException ex) {
			session.error("register", ex);
			start(session);
			return;
		}
		session.ask(Prompt.secret("new-password", "New account " + name + ". Choose a password (at least "
				+ Passwords.MIN_LENGTH + " characters; empty line to cancel):"), (ctx, first) -> {
					if (first.isEmpty()) {
						start(ctx);
						return;
					}
					ctx.ask(Prompt.secret("repeat-password", "Repeat the password:"),
							(ctx2, second) -> register(ctx2, name, first, second));
				});
	}

	private void register(CommandContext session, String name, String password, String repeated) {
		if (!password.equals(repeated)) {
			session.error("register", ChatException.invalid("The passwords differ."));
			offerRegistration(session, name);
			return;
		}
		try {
			session.completeLogin(this.accounts.register(name, password, session.remoteAddress()));
		}
		catch (ChatException ex) {
			session.error("register", ex);
			if (ex.code() == ErrorCode.INVALID_ARGUMENT) {
				offerRegistration(session, name);
			}
			else {
				start(session);
			}
		}
	}

}
