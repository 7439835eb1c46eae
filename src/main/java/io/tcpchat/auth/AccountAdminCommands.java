package io.tcpchat.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.tcpchat.command.Access;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandContext;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;
import io.tcpchat.error.ChatException;

/** Admins managing accounts from chat: the same operations as {@code /api/users}. */
@CommandHandler
class AccountAdminCommands {

	static final int ACCOUNTS_PAGE_SIZE = 50;

	private final AccountAdminService admin;

	AccountAdminCommands(AccountAdminService admin) {
		this.admin = admin;
	}

	@ChatCommand(name = "accounts", usage = "(page)",
			description = "Lists the accounts by name, 50 a page (page 1 first).", access = Access.ADMIN)
	Reply accounts(CommandContext context, Arguments arguments) {
		int page = arguments.optional(0).map(p -> Arguments.parsePositive(p, "page")).orElse(1);
		List<ChatUser> accounts = this.admin.accounts(page - 1, ACCOUNTS_PAGE_SIZE);
		String text = accounts.isEmpty() ? "No accounts on page " + page + "."
				: accounts.stream()
					.map(user -> user.name() + " " + user.roleNames())
					.collect(Collectors.joining("\n", "Accounts, page " + page + ":\n", ""));
		List<Map<String, Object>> data = accounts.stream().map(AccountAdminCommands::describe).toList();
		return Reply.of(text, Map.of("accounts", data, "page", page, "more", data.size() == ACCOUNTS_PAGE_SIZE));
	}

	@ChatCommand(name = "role", usage = "<user> <admin|user>",
			description = "Makes a user an admin, or a plain user again (there is always an admin).",
			access = Access.ADMIN)
	Reply role(CommandContext context, Arguments arguments) {
		Role role = switch (arguments.get(1).toLowerCase(Locale.ROOT)) {
			case "admin" -> Role.ADMIN;
			case "user" -> Role.USER;
			default -> throw ChatException.invalid("The role is admin or user.");
		};
		ChatUser changed = this.admin.changeRole(context.requireUser(), arguments.get(0), role);
		return Reply.of(changed.name() + " is now " + ((role == Role.ADMIN) ? "an admin." : "a plain user."),
				describe(changed));
	}

	private static Map<String, Object> describe(ChatUser user) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("username", user.name());
		entry.put("roles", user.roleNames());
		entry.put("color", user.color());
		return entry;
	}

}
