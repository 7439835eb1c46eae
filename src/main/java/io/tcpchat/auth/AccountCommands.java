package io.tcpchat.auth;

import java.util.Map;

import io.tcpchat.command.Access;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Prompt;
import io.tcpchat.command.Reply;
import io.tcpchat.error.ChatException;

@CommandHandler
class AccountCommands {

	private final AccountService accounts;

	private final AccountAdminService admin;

	private final Logins logins;

	AccountCommands(AccountService accounts, AccountAdminService admin, Logins logins) {
		this.accounts = accounts;
		this.logins = logins;
		this.admin = admin;
	}

	@ChatCommand(name = "login", usage = "<user> <password>", description = "Logs in (for scripts).",
			access = Access.GUEST, restOfLine = true)
	void login(CommandContext context, Arguments arguments) {
		context.completeLogin("login", this.logins.login(arguments.get(0), arguments.get(1), context.remoteAddress()),
				null);
	}

	@ChatCommand(name = "register", usage = "<user> <password>",
			description = "Creates an account and logs in (when registration is open).", access = Access.GUEST,
			restOfLine = true)
	void register(CommandContext context, Arguments arguments) {
		context.completeLogin("register",
				this.logins.register(arguments.get(0), arguments.get(1), context.remoteAddress()), null);
	}

	@ChatCommand(name = "resume", usage = "<user> <token>",
			description = "Logs in again with the resume token of an earlier login (it works once).",
			access = Access.GUEST)
	void resume(CommandContext context, Arguments arguments) {
		context.completeLogin("resume", this.logins.resume(arguments.get(0), arguments.get(1), context.remoteAddress()),
				null);
	}

	@ChatCommand(name = "logout-all",
			description = "Ends all your sessions, this one too, and revokes your resume tokens.")
	void logoutAll(CommandContext context) {
		this.logins.logoutAll(context.requireUser());
	}

	@ChatCommand(name = "passwd",
			description = "Changes your password; asks for the old and the new one. Your other sessions end.")
	void passwd(CommandContext context) {
		context.ask(Prompt.secret("password", "Current password:"), (ctx, current) -> ctx
			.ask(Prompt.secret("new-password", "New password (at least " + Passwords.MIN_LENGTH + " characters):"),
					(ctx2, fresh) -> ctx2.ask(Prompt.secret("repeat-password", "Repeat the new password:"),
							(ctx3, repeated) -> changePassword(ctx3, current, fresh, repeated))));
	}

	private void changePassword(CommandContext context, String current, String fresh, String repeated) {
		try {
			if (!Passwords.normalize(fresh).equals(Passwords.normalize(repeated))) {
				throw ChatException.invalid("The new passwords differ; nothing changed.");
			}
			this.accounts.changePassword(context.requireUser(), current, fresh, context.remoteAddress(),
					context.sessionId());
			context.reply("passwd", Reply.of("Password changed."));
		}
		catch (ChatException ex) {
			context.error("passwd", ex);
		}
	}

	@ChatCommand(name = "color", usage = "<#rrggbb|name>",
			description = "Sets the colour of your name (it must be readable on dark and light backgrounds).")
	Reply color(CommandContext context, Arguments arguments) {
		ChatUser updated = this.accounts.changeColor(context.requireUser(), arguments.get(0));
		context.updateUser(updated);
		return Reply.of("Your colour is now " + updated.color() + ".", Map.of("color", updated.color()));
	}

	@ChatCommand(name = "release-name", usage = "<username>",
			description = "Lets a deleted account's name be registered again (its old messages stay marked deleted).",
			access = Access.ADMIN)
	Reply releaseName(CommandContext context, Arguments arguments) {
		String name = this.admin.releaseName(context.requireUser(), arguments.get(0));
		return Reply.of("The name " + name + " may be registered again.", Map.of("username", name));
	}

}
