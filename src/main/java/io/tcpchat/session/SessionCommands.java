package io.tcpchat.session;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.command.Access;
import io.tcpchat.command.Arguments;
import io.tcpchat.command.ChatCommand;
import io.tcpchat.command.CommandHandler;
import io.tcpchat.command.Reply;
import io.tcpchat.connection.Format;
import io.tcpchat.error.ChatException;
import io.tcpchat.text.ChatText;

/**
 * Commands about the connection itself.
 */
@CommandHandler
class SessionCommands {

	private final SessionManager sessions;

	private final SessionRegistry registry;

	SessionCommands(SessionManager sessions, SessionRegistry registry) {
		this.sessions = sessions;
		this.registry = registry;
	}

	@ChatCommand(name = "format", usage = "<text|json>", description = "Chooses how the server writes to you.",
			access = Access.ANYONE)
	Reply format(ChatSession session, Arguments arguments) {
		Format format;
		try {
			format = Format.valueOf(arguments.get(0).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ChatException.invalid("Usage: //format <text|json>");
		}
		Format previous = session.format();
		session.setFormat(format);
		if (format != previous && !session.isLoggedIn()) {
			// the welcome went out in text before the client could choose; a json client must see it too
			session.send(this.sessions.welcome());
		}
		return Reply.of("Format is now " + format.name().toLowerCase(Locale.ROOT) + ".",
				Map.of("format", format.name().toLowerCase(Locale.ROOT)));
	}

	@ChatCommand(name = "pong", usage = "<token>", description = "Answers a ping (any line does too).",
			access = Access.ANYONE)
	void pong() {
		// receiving any line already counts as a sign of life
	}

	@ChatCommand(name = "quit", usage = "(reason)", description = "Says goodbye and disconnects.",
			access = Access.ANYONE, restOfLine = true)
	void quit(ChatSession session, Arguments arguments) {
		String reason = arguments.optional(0).filter(ChatText::hasVisible).map(r -> "quit: " + ChatText.clean(r))
			.orElse("quit");
		session.afterPendingWork(() -> session.bye(reason));
	}

	@ChatCommand(name = "away-notices", usage = "(on|off)",
			description = "Notices on this connection when people in your channels go away or come back (off by default).")
	Reply awayNotices(ChatSession session, Arguments arguments) {
		boolean on = arguments.onOff(0, "//away-notices (on|off)").orElse(true);
		this.registry.watchAway(session, on);
		return Reply.of("Away notices are " + (on ? "on" : "off") + " on this connection.",
				Map.of("awayNotices", on));
	}

	@ChatCommand(name = "whoami", description = "Shows your name, roles and channels.")
	Reply whoami(ChatSession session) {
		ChatUser user = session.requireUser();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("user", user.name());
		data.put("roles", user.roleNames());
		data.put("channels", session.channels().stream().sorted().toList());
		data.put("current", session.currentChannel());
		data.put("color", user.color());
		String current = (session.currentChannel() == null) ? " with no current channel"
				: " in #" + session.currentChannel();
		return Reply.of("You are " + user.name() + " " + user.roleNames() + current + "; channels: " + String.join(", ", session.channels().stream().sorted().map(c -> "#" + c).toList()),
				data);
	}

}
