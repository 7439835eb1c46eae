package io.tcpchat.irc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tcpchat.connection.InboundLine;
import io.tcpchat.irc.Purpose.Kind;

/**
 * IRC commands after registration, each turned into the chat command that does the same (answered later by
 * {@link IrcAnswers}), or answered at once when the IRC dialect knows the answer itself. Called under the
 * client's lock.
 */
final class IrcCommands {

	/** Usable before registration; anything else is {@code 451}. */
	private static final Set<String> BEFORE_REGISTRATION = Set.of("CAP", "AUTHENTICATE", "PASS", "NICK", "USER",
			"REGISTER", "PING", "PONG", "QUIT");

	/**
	 * Chat commands that would break the dialect, or that IRC itself does: not through ChatServ. {@code passwd}
	 * asks secret questions, which take any next line as the answer, a channel message included; ChatServ only
	 * relays answers to open questions (a {@code //command} runs as a command meanwhile).
	 */
	private static final Set<String> NOT_VIA_CHATSERV = Set.of("format", "login", "register", "resume", "quit",
			"passwd");

	/** Chat commands the IRC commands use: through ChatServ, their answers are marked as ChatServ's. */
	private static final Set<String> ANSWERED_FOR_IRC = Set.of("join", "leave", "members", "whois", "channels",
			"topic", "op", "deop", "invite", "remove", "away", "back", "users", "user-count", "whoami", "msg");

	private IrcCommands() {
	}

	static void handle(IrcClient c, InboundLine line) {
		if (line.tooLong()) {
			c.numeric("417", ":Input line was too long");
			return;
		}
		IrcMessage m = IrcMessage.parse(line.text());
		if (m == null) {
			return;
		}
		if (!c.registered && !c.welcomed && !BEFORE_REGISTRATION.contains(m.command())) {
			c.numeric("451", ":You have not registered");
			return;
		}
		switch (m.command()) {
			case "CAP" -> IrcRegistration.cap(c, m);
			case "AUTHENTICATE" -> IrcRegistration.authenticate(c, m);
			case "PASS" -> IrcRegistration.pass(c, m);
			case "NICK" -> IrcRegistration.nick(c, m);
			case "USER" -> IrcRegistration.user(c, m);
			case "REGISTER" -> IrcRegistration.register(c, m);
			case "PING" -> {
				c.fromServer("PONG " + c.server.name() + " :" + nullToEmpty(m.last()));
				c.chat("//pong irc", null);
			}
			case "PONG" -> c.chat("//pong " + token(m.last()), null);
			case "QUIT" -> c.chat(withText("//quit", clean(m.param(0))), null);
			case "PRIVMSG", "NOTICE" -> message(c, m);
			case "JOIN" -> join(c, m);
			case "PART" -> eachChannel(c, m, (channel, ircName) -> c.chat("//leave " + channel,
					Purpose.of(Kind.PART, channel)));
			case "NAMES" -> names(c, m);
			case "WHO" -> who(c, m);
			case "WHOIS" -> whois(c, m);
			case "LIST" -> c.chat("//channels", new Purpose(Kind.LIST, null, channels(m.param(0))));
			case "TOPIC" -> IrcModes.topic(c, m);
			case "MODE" -> IrcModes.mode(c, m);
			case "INVITE" -> IrcModes.invite(c, m);
			case "KICK" -> IrcModes.kick(c, m);
			case "AWAY" -> {
				String text = clean(m.param(0));
				if (text == null || text.isBlank()) {
					c.chat("//back", Purpose.of(Kind.BACK));
				}
				else {
					c.chat("//away " + text, Purpose.of(Kind.AWAY));
				}
			}
			case "MOTD" -> IrcRegistration.motd(c);
			case "LUSERS" -> c.chat("//user-count", Purpose.of(Kind.LUSERS));
			case "ISON" -> c.chat("//users", new Purpose(Kind.ISON, null, words(m)));
			case "USERHOST" -> c.chat("//users", new Purpose(Kind.USERHOST, null, words(m)));
			default -> c.numeric("421", m.command() + " :Unknown command");
		}
	}

	private static void message(IrcClient c, IrcMessage m) {
		boolean notice = m.command().equals("NOTICE");
		String targets = m.param(0);
		String text = m.param(1);
		if (targets == null) {
			if (!notice) {
				c.numeric("411", ":No recipient given (PRIVMSG)");
			}
			return;
		}
		if (text == null || text.isEmpty()) {
			if (!notice) {
				c.numeric("412", ":No text to send");
			}
			return;
		}
		for (String target : targets.split(",")) {
			if (target.equalsIgnoreCase(IrcServer.CHATSERV)) {
				if (!notice) {
					chatServ(c, clean(text));
				}
				continue;
			}
			boolean ctcp = text.startsWith(IrcText.CTCP);
			boolean action = ctcp && text.startsWith(IrcText.CTCP + "ACTION ");
			if (ctcp && !action) {
				continue; // VERSION, PING and the like: not answered, as by many servers
			}
			String body = clean(action ? text.substring(8) : text);
			String channel = IrcText.channel(target);
			if (action) {
				if (channel == null) {
					c.chatServ("Actions (/me) work in channels only.");
				}
				else if (!c.joined.contains(channel)) {
					c.numeric("404", target + " :Cannot send to channel (join it first)");
				}
				else {
					// //me goes to the current channel: make this one current first
					c.chat("//join " + channel, Purpose.of(Kind.SILENT));
					c.chat("//me " + body, null);
				}
				continue;
			}
			Purpose purpose = Purpose.of(notice ? Kind.NOTICE : Kind.PRIVMSG, target);
			c.chat("//msg " + ((channel != null) ? "#" + channel : target) + " " + body, purpose);
		}
	}

	/** {@code /msg ChatServ ban bob spamming} is {@code //ban bob spamming}; or the answer to its question. */
	private static void chatServ(IrcClient c, String text) {
		if (c.promptOpen) {
			c.promptOpen = false;
			c.chat(text, null);
			return;
		}
		String command = text.strip();
		while (command.startsWith("/")) {
			command = command.substring(1);
		}
		if (command.isEmpty()) {
			return;
		}
		String name = command.split(" ", 2)[0].toLowerCase(Locale.ROOT);
		if (NOT_VIA_CHATSERV.contains(name)) {
			c.chatServ("//" + name + " is not available over IRC.");
			return;
		}
		c.chat("//" + command, ANSWERED_FOR_IRC.contains(name) ? Purpose.of(Kind.CHATSERV) : null);
	}

	private static void join(IrcClient c, IrcMessage m) {
		if ("0".equals(m.param(0))) {
			return;
		}
		eachChannel(c, m, (channel, ircName) -> {
			if (!c.joined.contains(channel)) {
				c.chat("//join " + channel, Purpose.of(Kind.JOIN, channel));
			}
		});
	}

	private static void names(IrcClient c, IrcMessage m) {
		if (m.param(0) == null) {
			c.numeric("366", "* :End of /NAMES list");
			return;
		}
		eachChannel(c, m, (channel, ircName) -> c.chat("//members " + channel, Purpose.of(Kind.NAMES, channel)));
	}

	private static void who(IrcClient c, IrcMessage m) {
		String mask = m.param(0);
		String channel = IrcText.channel(mask);
		if (channel != null) {
			c.chat("//members " + channel, Purpose.of(Kind.WHO_CHANNEL, channel));
		}
		else if (mask != null && IrcText.isNick(mask)) {
			c.chat("//whois " + mask, Purpose.of(Kind.WHO_NICK, mask));
		}
		else {
			c.numeric("315", nullToEmpty(mask) + " :End of /WHO list");
		}
	}

	private static void whois(IrcClient c, IrcMessage m) {
		String nick = m.last();
		if (nick == null) {
			c.numeric("431", ":No nickname given");
		}
		else if (nick.equalsIgnoreCase(IrcServer.CHATSERV)) {
			c.numeric("311", IrcServer.CHATSERV + " " + IrcServer.CHATSERV + " " + c.server.name()
					+ " * :the chat's own commands: /msg ChatServ help");
			c.numeric("318", IrcServer.CHATSERV + " :End of /WHOIS list");
		}
		else if (!IrcText.isNick(nick)) {
			c.numeric("401", nick + " :No such nick/channel");
			c.numeric("318", nick + " :End of /WHOIS list");
		}
		else {
			c.chat("//whois " + nick, Purpose.of(Kind.WHOIS, nick));
		}
	}

	interface ChannelAction {

		void run(String channel, String ircName);

	}

	/** Runs {@code action} for each channel of the comma-separated first parameter; 403 for a non-channel. */
	static void eachChannel(IrcClient c, IrcMessage m, ChannelAction action) {
		if (m.param(0) == null) {
			c.numeric("461", m.command() + " :Not enough parameters");
			return;
		}
		for (String name : m.param(0).split(",")) {
			String channel = IrcText.channel(name);
			if (channel == null) {
				c.numeric("403", name + " :No such channel");
			}
			else {
				action.run(channel, name);
			}
		}
	}

	private static List<String> channels(String list) {
		if (list == null) {
			return List.of();
		}
		return Arrays.stream(list.split(",")).map(IrcText::channel).filter(n -> n != null).toList();
	}

	private static List<String> words(IrcMessage m) {
		return m.params().stream().flatMap(p -> Arrays.stream(p.split(" "))).filter(w -> !w.isEmpty()).toList();
	}

	/**
	 * IRC's formatting codes decoded away (with a colour's numbers), then the cleaning every listener applies to a
	 * line ({@link InboundLine#withoutControlCharacters}); the services clean the text again by the one rule for
	 * what others see ({@code text.ChatText}), as for text from TCP or the WebSocket.
	 */
	static String clean(String text) {
		return (text == null) ? null : InboundLine.withoutControlCharacters(IrcText.withoutFormatting(text));
	}

	static String withText(String command, String text) {
		return (text == null || text.isBlank()) ? command : command + " " + text;
	}

	private static String token(String token) {
		String cleaned = clean(token);
		return (cleaned == null || cleaned.isBlank()) ? "irc" : cleaned.split(" ")[0];
	}

	static String nullToEmpty(String text) {
		return (text == null) ? "" : text;
	}

}
