package io.tcpchat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The numerics of listings: NAMES, WHO, WHOIS, LIST, a channel's modes, ISON and USERHOST, from the data of the
 * chat's replies ({@code //members}, {@code //whois}, {@code //channels}, {@code //users}). A channel's members
 * are listed online or not (membership lasts); its owner, moderators and the admins have {@code @}.
 */
final class IrcListings {

	private IrcListings() {
	}

	static void names(IrcClient c, String channel, List<?> members) {
		String prefix = "= " + channel + " :";
		int room = IrcText.MAX_LINE_BYTES - 2 - IrcText.utf8Length(":" + c.server.name() + " 353 " + c.me() + " " + prefix);
		StringBuilder line = new StringBuilder();
		for (Object value : members) {
			Map<String, ?> member = IrcAnswers.map(value);
			String name = (isOperator(member) ? "@" : "") + IrcAnswers.string(member.get("user"));
			if (line.length() > 0 && IrcText.utf8Length(line + " " + name) > room) {
				c.numeric("353", prefix + line);
				line.setLength(0);
			}
			line.append((line.length() > 0) ? " " : "").append(name);
		}
		if (line.length() > 0) {
			c.numeric("353", prefix + line);
		}
		c.numeric("366", channel + " :End of /NAMES list");
	}

	static void who(IrcClient c, String channel, List<?> members) {
		for (Object value : members) {
			Map<String, ?> member = IrcAnswers.map(value);
			boolean here = Boolean.TRUE.equals(member.get("online")) && member.get("away") == null;
			whoLine(c, channel, IrcAnswers.string(member.get("user")), here, isOperator(member));
		}
		c.numeric("315", channel + " :End of /WHO list");
	}

	static void whoNick(IrcClient c, String nick, Map<String, ?> user) {
		String name = IrcAnswers.string(user.get("user"));
		if (name != null) {
			boolean here = Boolean.TRUE.equals(user.get("online")) && user.get("away") == null;
			whoLine(c, "*", name, here, isAdmin(user.get("roles")));
		}
		c.numeric("315", nick + " :End of /WHO list");
	}

	private static void whoLine(IrcClient c, String channel, String nick, boolean here, boolean operator) {
		c.numeric("352", channel + " " + nick + " " + c.server.name() + " " + c.server.name() + " " + nick + " "
				+ (here ? "H" : "G") + (operator ? "@" : "") + " :0 " + nick);
	}

	static void whois(IrcClient c, Map<String, ?> user) {
		String nick = IrcAnswers.string(user.get("user"));
		c.numeric("311", nick + " " + nick + " " + c.server.name() + " * :" + nick);
		c.numeric("312", nick + " " + c.server.name() + " :" + c.server.description());
		if (isAdmin(user.get("roles"))) {
			c.numeric("313", nick + " :is a server administrator");
		}
		if (user.get("away") != null) {
			c.numeric("301", nick + " :" + user.get("away"));
		}
		if (!Boolean.TRUE.equals(user.get("online"))) {
			c.numeric("320", nick + " :is offline (direct messages are kept for them)");
		}
		c.numeric("330", nick + " " + nick + " :is logged in as");
		c.numeric("318", nick + " :End of /WHOIS list");
	}

	static void list(IrcClient c, List<String> wanted, List<?> channels) {
		c.numeric("321", "Channel :Users  Name");
		for (Object value : channels) {
			Map<String, ?> channel = IrcAnswers.map(value);
			String name = IrcAnswers.string(channel.get("name"));
			if (wanted.isEmpty() || wanted.contains(name)) {
				String topic = IrcAnswers.string(channel.get("topic"));
				c.numeric("322", IrcText.ircChannel(name) + " " + IrcAnswers.number(channel.get("members")) + " :"
						+ ((topic != null) ? topic : ""));
			}
		}
		c.numeric("323", ":End of /LIST");
	}

	static void channelMode(IrcClient c, String wanted, List<?> channels) {
		for (Object value : channels) {
			Map<String, ?> channel = IrcAnswers.map(value);
			if (wanted.equals(channel.get("name"))) {
				boolean secret = Boolean.TRUE.equals(channel.get("private"));
				c.numeric("324", IrcText.ircChannel(wanted) + " " + (secret ? "+int" : "+nt"));
				return;
			}
		}
		c.numeric("403", IrcText.ircChannel(wanted) + " :No such channel");
	}

	static void ison(IrcClient c, List<String> asked, List<?> online) {
		List<String> found = new ArrayList<>();
		for (String nick : asked) {
			online.stream().map(String::valueOf).filter(nick::equalsIgnoreCase).findFirst().ifPresent(found::add);
		}
		c.numeric("303", ":" + String.join(" ", found));
	}

	static void userhost(IrcClient c, List<String> asked, List<?> online, Object away) {
		Map<String, ?> aways = IrcAnswers.map(away);
		List<String> replies = new ArrayList<>();
		for (String nick : asked.subList(0, Math.min(5, asked.size()))) {
			online.stream().map(String::valueOf).filter(nick::equalsIgnoreCase).findFirst().ifPresent(name -> replies
				.add(name + "=" + (aways.containsKey(name) ? "-" : "+") + name + "@" + c.server.name()));
		}
		c.numeric("302", ":" + String.join(" ", replies));
	}

	private static boolean isOperator(Map<String, ?> member) {
		return !IrcAnswers.list(member.get("roles")).isEmpty();
	}

	private static boolean isAdmin(Object roles) {
		return IrcAnswers.strings(roles).stream().anyMatch(IrcEvents.ADMIN::equalsIgnoreCase);
	}

}
