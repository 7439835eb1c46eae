package io.tcpchat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.tcpchat.irc.Purpose.Kind;
import io.tcpchat.protocol.ServerEvent;

/**
 * The chat's replies and errors as the IRC answers their {@link Purpose} calls for: numerics for the IRC
 * commands, NOTICEs from ChatServ for its commands (and for anything the dialect did not ask). One table from
 * chat error to numeric. Called under the client's lock.
 */
final class IrcAnswers {

	private IrcAnswers() {
	}

	static void reply(IrcClient c, ServerEvent.Reply r) {
		Purpose p = c.answered(r.command());
		Map<String, ?> data = (r.data() != null) ? r.data() : Map.of();
		if (p == null) {
			c.chatServ(r.text());
			return;
		}
		String channel = (p.target() != null) ? IrcText.ircChannel(p.target()) : null;
		switch (p.kind()) {
			case WELCOME_LUSERS -> {
				IrcRegistration.lusers(c, number(data.get("count")));
				IrcRegistration.motd(c);
			}
			case AUTOJOIN -> {
				for (Object joined : list(data.get("channels"))) {
					if (c.joined.add(String.valueOf(joined))) {
						IrcEvents.joinBurst(c, String.valueOf(joined), false, null);
					}
				}
				// what came meanwhile follows the JOINs, so no message arrives for a channel not yet shown
				IrcEvents.registered(c);
			}
			case JOIN -> {
				String joined = string(data.get("channel"));
				if (joined != null && c.joined.add(joined)) {
					IrcEvents.joinBurst(c, joined, true, string(data.get("topic")));
					IrcEvents.recentHistory(c, joined);
				}
			}
			case JOIN_TOPIC, TOPIC -> {
				String topic = string(data.get("topic"));
				if (topic != null) {
					c.numeric("332", channel + " :" + topic);
				}
				else if (p.kind() == Kind.TOPIC) {
					c.numeric("331", channel + " :No topic is set");
				}
			}
			case JOIN_NAMES, NAMES -> IrcListings.names(c, channel, list(data.get("members")));
			case WHO_CHANNEL -> IrcListings.who(c, channel, list(data.get("members")));
			case WHO_NICK -> IrcListings.whoNick(c, p.target(), data);
			case WHOIS -> IrcListings.whois(c, data);
			case LIST -> IrcListings.list(c, p.names(), list(data.get("channels")));
			case MODE -> IrcListings.channelMode(c, p.target(), list(data.get("channels")));
			case INVITE -> c.numeric("341", string(data.get("user")) + " " + channel);
			case AWAY -> c.numeric("306", ":You have been marked as being away");
			case BACK -> c.numeric("305", ":You are no longer marked as being away");
			case LUSERS -> IrcRegistration.lusers(c, number(data.get("count")));
			case ISON -> IrcListings.ison(c, p.names(), list(data.get("users")));
			case USERHOST -> IrcListings.userhost(c, p.names(), list(data.get("users")), data.get("away"));
			case PRIVMSG -> {
				if (data.get("away") != null && data.get("to") != null) {
					c.numeric("301", data.get("to") + " :" + data.get("away"));
				}
			}
			case JOIN_HISTORY -> IrcEvents.history(c, channel, list(data.get("messages")), r.text());
			case CHATSERV -> c.chatServ(r.text());
			case PART, TOPIC_SET, MODE_CHANGE, KICK, NOTICE, SILENT -> {
				// the chat event that follows shows it (PART, TOPIC, MODE, KICK, the message)
			}
		}
	}

	static void error(IrcClient c, ServerEvent.Error e) {
		boolean loginCommand = "login".equals(e.command()) || "register".equals(e.command());
		if (loginCommand && c.pendingLogin != IrcClient.Login.NONE) {
			loginFailed(c, e);
			return;
		}
		Purpose p = c.answered(e.command());
		if ("banned".equals(e.code())) {
			c.numeric("465", ":" + e.text());
			return;
		}
		if (p == null) {
			if (e.command() == null) {
				c.text(null, null, null, "NOTICE", c.me(), e.text());
			}
			else {
				c.chatServ(e.text());
			}
			return;
		}
		String channel = (p.target() != null) ? IrcText.ircChannel(p.target()) : null;
		String nick = p.names().isEmpty() ? null : p.names().get(0);
		String code = e.code();
		switch (p.kind()) {
			case WELCOME_LUSERS -> IrcRegistration.motd(c);
			case AUTOJOIN -> IrcEvents.registered(c);
			case JOIN -> c.numeric(code.equals("forbidden") ? "473" : "403", channel + " :Cannot join channel: " + e.text());
			case PART -> {
				if (code.equals("not-found")) {
					c.numeric("442", channel + " :You're not on that channel");
				}
				else {
					// the default channel cannot be left: show it again, as the client has closed it
					c.text(null, null, null, "NOTICE", c.me(), e.text());
					c.joined.remove(p.target());
					c.joined.add(p.target());
					IrcEvents.joinBurst(c, p.target(), false, null);
				}
			}
			case PRIVMSG -> {
				boolean toChannel = p.target().startsWith("#");
				if (code.equals("not-found")) {
					c.numeric(toChannel ? "403" : "401", p.target() + " :No such " + (toChannel ? "channel" : "nick"));
				}
				else if (code.equals("forbidden") && toChannel) {
					c.numeric("404", p.target() + " :Cannot send to channel: " + e.text());
				}
				else {
					c.text(null, null, null, "NOTICE", c.me(), e.text());
				}
			}
			case JOIN_NAMES, NAMES -> c.numeric("366", channel + " :End of /NAMES list");
			case WHO_CHANNEL -> c.numeric("315", channel + " :End of /WHO list");
			case WHO_NICK -> c.numeric("315", p.target() + " :End of /WHO list");
			case WHOIS -> {
				c.numeric("401", p.target() + " :No such nick");
				c.numeric("318", p.target() + " :End of /WHOIS list");
			}
			case LIST -> c.numeric("323", ":End of /LIST");
			case TOPIC -> c.numeric(code.equals("forbidden") ? "442" : "403", channel + " :" + e.text());
			case TOPIC_SET, MODE_CHANGE, INVITE, KICK -> {
				if (code.equals("forbidden")) {
					c.numeric("482", channel + " :You're not channel operator: " + e.text());
				}
				else if (code.equals("not-found") && p.kind() == Kind.KICK) {
					c.numeric("441", nick + " " + channel + " :They aren't on that channel");
				}
				else if (code.equals("not-found") && nick != null && e.text().contains(nick)) {
					c.numeric("401", nick + " :No such nick");
				}
				else {
					c.text(null, null, null, "NOTICE", c.me(), e.text());
				}
			}
			case MODE -> c.numeric("403", channel + " :No such channel");
			case ISON -> c.numeric("303", ":");
			case USERHOST -> c.numeric("302", ":");
			case CHATSERV -> c.chatServ(e.text());
			case NOTICE, JOIN_TOPIC, JOIN_HISTORY, SILENT -> {
				// no answer: IRC never answers a NOTICE, and the rest were the dialect's own questions
			}
			default -> c.text(null, null, null, "NOTICE", c.me(), e.text());
		}
	}

	private static void loginFailed(IrcClient c, ServerEvent.Error e) {
		IrcClient.Login how = c.pendingLogin;
		c.pendingLogin = IrcClient.Login.NONE;
		if (how == IrcClient.Login.REGISTER) {
			IrcRegistration.registrationFailed(c, registrationFailure(e), c.nick, e.text());
			return;
		}
		if ("banned".equals(e.code())) {
			c.numeric("465", ":" + e.text());
		}
		if (how == IrcClient.Login.SASL) {
			c.numeric("904", ":SASL authentication failed: " + e.text());
			return;
		}
		if (!"banned".equals(e.code())) {
			c.numeric("464", ":Password incorrect: " + e.text());
			c.chat("//quit", null);
		}
	}

	/** The {@code FAIL REGISTER} code of draft/account-registration for the chat's error. */
	private static String registrationFailure(ServerEvent.Error e) {
		return switch (e.code()) {
			case "already-exists" -> "ACCOUNT_EXISTS";
			case "invalid-argument" -> e.text().toLowerCase(Locale.ROOT).contains("password") ? "WEAK_PASSWORD"
					: "BAD_ACCOUNT_NAME";
			default -> "TEMPORARILY_UNAVAILABLE";
		};
	}

	static List<?> list(Object value) {
		return (value instanceof List<?> list) ? list : List.of();
	}

	static String string(Object value) {
		return (value == null) ? null : value.toString();
	}

	static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : 0;
	}

	@SuppressWarnings("unchecked")
	static Map<String, ?> map(Object value) {
		return (value instanceof Map<?, ?> map) ? (Map<String, ?>) map : Map.of();
	}

	static List<String> strings(Object value) {
		List<String> strings = new ArrayList<>();
		list(value).stream().filter(Objects::nonNull).forEach(v -> strings.add(v.toString()));
		return strings;
	}

}
