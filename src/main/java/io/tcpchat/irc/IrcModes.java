package io.tcpchat.irc;

import io.tcpchat.irc.Purpose.Kind;

/**
 * TOPIC, MODE, INVITE and KICK: channel roles and settings as IRC shows them. A channel's owner, its moderators
 * and the server's admins are its operators ({@code +o}); a private channel is invite-only ({@code +i}).
 * Called under the client's lock.
 */
final class IrcModes {

	private IrcModes() {
	}

	static void topic(IrcClient c, IrcMessage m) {
		String channel = IrcText.channel(m.param(0));
		if (channel == null) {
			c.numeric((m.param(0) == null) ? "461" : "403",
					(m.param(0) == null) ? "TOPIC :Not enough parameters" : m.param(0) + " :No such channel");
			return;
		}
		if (m.size() < 2) {
			c.chat("//topic #" + channel, Purpose.of(Kind.TOPIC, channel));
			return;
		}
		String text = IrcCommands.clean(m.param(1));
		c.chat("//topic #" + channel + " " + (text.isBlank() ? "-" : text), Purpose.of(Kind.TOPIC_SET, channel));
	}

	static void mode(IrcClient c, IrcMessage m) {
		String target = m.param(0);
		if (target == null) {
			c.numeric("461", "MODE :Not enough parameters");
			return;
		}
		String channel = IrcText.channel(target);
		if (channel == null) {
			if (!target.equalsIgnoreCase(c.me())) {
				c.numeric("502", ":Can't change mode for other users");
			}
			else {
				c.numeric("221", c.admin ? "+o" : "+");
			}
			return;
		}
		String modes = m.param(1);
		if (modes == null) {
			c.chat("//channels", Purpose.of(Kind.MODE, channel));
			return;
		}
		if (modes.equals("b") || modes.equals("+b")) {
			c.numeric("368", target + " :End of channel ban list");
			return;
		}
		boolean adding = true;
		int argument = 2;
		for (char mode : modes.toCharArray()) {
			switch (mode) {
				case '+' -> adding = true;
				case '-' -> adding = false;
				case 'o' -> {
					String nick = m.param(argument++);
					if (nick == null) {
						c.numeric("461", "MODE :Not enough parameters");
						return;
					}
					c.chat((adding ? "//op " : "//deop ") + nick + " " + channel,
							new Purpose(Kind.MODE_CHANGE, channel, java.util.List.of(nick)));
				}
				default -> c.numeric("472", mode + " :is unknown mode char to me (only +o/-o can be changed; "
						+ "+i is a private channel, chosen when it is created)");
			}
		}
	}

	static void invite(IrcClient c, IrcMessage m) {
		String nick = m.param(0);
		String channel = IrcText.channel(m.param(1));
		if (nick == null || channel == null) {
			c.numeric("461", "INVITE :Not enough parameters");
			return;
		}
		c.chat("//invite " + nick + " " + channel, new Purpose(Kind.INVITE, channel, java.util.List.of(nick)));
	}

	/** Takes the member out of the channel ({@code //remove}); the chat keeps no kick reason. */
	static void kick(IrcClient c, IrcMessage m) {
		String channel = IrcText.channel(m.param(0));
		String nicks = m.param(1);
		if (channel == null || nicks == null) {
			c.numeric("461", "KICK :Not enough parameters");
			return;
		}
		for (String nick : nicks.split(",")) {
			c.chat("//remove " + nick + " " + channel, new Purpose(Kind.KICK, channel, java.util.List.of(nick)));
		}
	}

}
