package io.tcpchat.irc;

import java.util.List;

/**
 * Why the IRC dialect sent a chat command: the reply (or error) to it becomes the IRC answer this names.
 * @param target the channel (chat name) or nick concerned, if any
 * @param names the nicks an ISON or USERHOST asked about
 */
record Purpose(Kind kind, String target, List<String> names) {

	static Purpose of(Kind kind) {
		return new Purpose(kind, null, List.of());
	}

	static Purpose of(Kind kind, String target) {
		return new Purpose(kind, target, List.of());
	}

	enum Kind {

		/** The welcome burst's LUSERS, then the MOTD. */
		WELCOME_LUSERS,
		/** The channels to join at login. */
		AUTOJOIN,
		JOIN, JOIN_TOPIC, JOIN_NAMES, JOIN_HISTORY, PART, PRIVMSG, NOTICE, NAMES, WHO_CHANNEL, WHO_NICK, WHOIS, LIST,
		TOPIC, TOPIC_SET, MODE, MODE_CHANGE, INVITE, KICK, AWAY, BACK, LUSERS, ISON, USERHOST,
		/** A command the user gave ChatServ: answered with NOTICEs. */
		CHATSERV,
		/** Answer nothing (a join made only to send an action). */
		SILENT

	}

}
