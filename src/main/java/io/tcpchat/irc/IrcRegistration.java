package io.tcpchat.irc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The registration burst: {@code CAP} negotiation, SASL PLAIN ({@code AUTHENTICATE}), {@code PASS},
 * {@code NICK}, {@code USER}; then the login as a chat {@code //login} and the welcome burst (001-005, LUSERS,
 * MOTD, the user's channels). Called under the client's lock.
 */
final class IrcRegistration {

	/** AUTHENTICATE sends base64 in pieces of 400 bytes; a full piece means more follow. */
	private static final int SASL_CHUNK = 400;

	private IrcRegistration() {
	}

	static void cap(IrcClient c, IrcMessage m) {
		String sub = (m.param(0) != null) ? m.param(0).toUpperCase(Locale.ROOT) : "";
		// before the welcome, CAP replies are addressed to "*" (as by ergo and the IRCv3 examples)
		String to = c.welcomed ? c.me() : "*";
		switch (sub) {
			case "LS" -> {
				if (!c.welcomed) {
					c.capNegotiating = true;
				}
				c.fromServer("CAP " + to + " LS :" + c.server.capabilityList("302".equals(m.param(1))));
			}
			case "LIST" -> c.fromServer("CAP " + to + " LIST :" + String.join(" ", c.caps));
			case "REQ" -> {
				if (!c.welcomed) {
					c.capNegotiating = true;
				}
				String wanted = (m.param(1) != null) ? m.param(1).trim() : "";
				List<String> names = Arrays.stream(wanted.split(" +")).filter(s -> !s.isEmpty()).toList();
				boolean known = names.stream()
					.allMatch(name -> c.server.offers(name.startsWith("-") ? name.substring(1) : name));
				if (!known || names.isEmpty()) {
					c.fromServer("CAP " + to + " NAK :" + wanted);
					return;
				}
				boolean awayNotify = c.has(IrcServer.AWAY_NOTIFY);
				for (String name : names) {
					if (name.startsWith("-")) {
						c.caps.remove(name.substring(1));
					}
					else {
						c.caps.add(name);
					}
				}
				c.fromServer("CAP " + to + " ACK :" + wanted);
				if (c.welcomed && awayNotify != c.has(IrcServer.AWAY_NOTIFY)) {
					awayNotices(c);
				}
			}
			case "END" -> {
				c.capNegotiating = false;
				complete(c);
			}
			default -> c.numeric("410", sub + " :Invalid CAP command");
		}
	}

	static void authenticate(IrcClient c, IrcMessage m) {
		String arg = m.param(0);
		if (c.account != null || c.welcomed) {
			c.numeric("907", ":You have already authenticated");
			return;
		}
		if (arg == null) {
			c.numeric("461", "AUTHENTICATE :Not enough parameters");
			return;
		}
		if (arg.equals("*")) {
			c.sasl = null;
			c.numeric("906", ":SASL authentication aborted");
			return;
		}
		if (c.sasl == null) {
			if (!arg.equalsIgnoreCase("PLAIN")) {
				c.numeric("908", "PLAIN :are available SASL mechanisms");
				c.numeric("904", ":SASL authentication failed");
				return;
			}
			c.sasl = new StringBuilder();
			c.send("AUTHENTICATE +");
			return;
		}
		if (!arg.equals("+")) {
			c.sasl.append(arg);
		}
		if (arg.length() == SASL_CHUNK) {
			return;
		}
		String payload = c.sasl.toString();
		c.sasl = null;
		String[] parts;
		try {
			parts = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8).split("\0", -1);
		}
		catch (IllegalArgumentException ex) {
			parts = new String[0];
		}
		if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
			c.numeric("904", ":SASL authentication failed: expected PLAIN authzid, authcid and password");
			return;
		}
		login(c, parts[1], parts[2], IrcClient.Login.SASL);
	}

	static void pass(IrcClient c, IrcMessage m) {
		if (c.welcomed) {
			c.numeric("462", ":You may not reregister");
		}
		else if (m.param(0) == null) {
			c.numeric("461", "PASS :Not enough parameters");
		}
		else {
			c.password = m.last();
		}
	}

	static void nick(IrcClient c, IrcMessage m) {
		String wanted = m.param(0);
		if (wanted == null || wanted.isEmpty()) {
			c.numeric("431", ":No nickname given");
			return;
		}
		if (c.account != null) {
			if (!wanted.equalsIgnoreCase(c.account)) {
				c.numeric("432", wanted + " :Your nick is your account name, " + c.account
						+ "; another nick is another account (log in as it)");
			}
			return;
		}
		if (!IrcText.isNick(wanted)) {
			c.numeric("432", wanted + " :Erroneous nickname: " + IrcText.whyNotANick(wanted));
			return;
		}
		c.nick = wanted;
		complete(c);
	}

	static void user(IrcClient c, IrcMessage m) {
		if (c.welcomed) {
			c.numeric("462", ":You may not reregister");
		}
		else if (m.size() < 4) {
			c.numeric("461", "USER :Not enough parameters");
		}
		else {
			c.user = m.param(0);
			complete(c);
		}
	}

	/**
	 * IRCv3 {@code draft/account-registration}: {@code REGISTER <account|*> <email|*> <password>} is the chat's
	 * {@code //register} (the same rules for names and passwords, the same throttles, refused while registration
	 * is closed), before the connection is registered; the account is the nick from then on. Answered with
	 * {@code REGISTER SUCCESS} and a login, or {@code FAIL REGISTER <code>} ({@link IrcAnswers}).
	 */
	static void register(IrcClient c, IrcMessage m) {
		String wanted = m.param(0);
		if (c.account != null || c.welcomed) {
			registrationFailed(c, "ALREADY_AUTHENTICATED", (wanted != null) ? wanted : "*",
					"You are logged in already");
			return;
		}
		if (m.size() < 3 || m.param(2).isEmpty()) {
			c.numeric("461", "REGISTER :Not enough parameters");
			return;
		}
		if (c.pendingLogin != IrcClient.Login.NONE) {
			registrationFailed(c, "TEMPORARILY_UNAVAILABLE", wanted, "A login is under way");
			return;
		}
		String account = wanted.equals("*") ? c.nick : wanted;
		if (account == null) {
			registrationFailed(c, "NEED_NICK", "*", "Send NICK first, or name the account");
			return;
		}
		if (!IrcText.isNick(account)) {
			registrationFailed(c, "BAD_ACCOUNT_NAME", account, IrcText.whyNotANick(account));
			return;
		}
		c.nick = account;
		c.pendingLogin = IrcClient.Login.REGISTER;
		c.chat("//register " + account + " " + m.param(2), null);
	}

	static void registrationFailed(IrcClient c, String code, String account, String text) {
		c.fromServer("FAIL REGISTER " + code + " " + account + " :" + text);
	}

	/** Away changes of the people in the client's channels, as AWAY lines, while it has {@code away-notify}. */
	static void awayNotices(IrcClient c) {
		c.chat("//away-notices " + (c.has(IrcServer.AWAY_NOTIFY) ? "on" : "off"), Purpose.of(Purpose.Kind.SILENT));
	}

	/** Once NICK, USER and the end of CAP are in: log in with PASS, or welcome a SASL login. */
	static void complete(IrcClient c) {
		if (c.welcomed || c.nick == null && c.account == null || c.user == null || c.capNegotiating
				|| c.pendingLogin != IrcClient.Login.NONE) {
			return;
		}
		if (c.account != null) {
			welcome(c);
		}
		else if (c.password != null) {
			String password = c.password;
			c.password = null;
			login(c, c.nick, password, IrcClient.Login.PASS);
		}
		else {
			c.numeric("464", ":This server needs your account's password: PASS <password>, or SASL PLAIN");
			c.chat("//quit", null);
		}
	}

	private static void login(IrcClient c, String name, String password, IrcClient.Login how) {
		if (!IrcText.isNick(name)) {
			c.numeric("432", name + " :Erroneous nickname: " + IrcText.whyNotANick(name));
			if (how == IrcClient.Login.SASL) {
				c.numeric("904", ":SASL authentication failed");
			}
			return;
		}
		c.pendingLogin = how;
		c.chat("//login " + name + " " + password, null);
	}

	/** 001-005, then LUSERS and MOTD once the user count is in, then the channels. */
	static void welcome(IrcClient c) {
		c.welcomed = true;
		String me = c.me();
		c.numeric("001", ":Welcome to the tcp-chat IRC network, " + me);
		c.numeric("002", ":Your host is " + c.server.name() + ", running tcp-chat");
		c.numeric("003", ":This server was created " + c.server.created());
		c.numeric("004", c.server.name() + " tcp-chat io int o");
		c.numeric("005", String.join(" ", IrcServer.ISUPPORT) + " :are supported by this server");
		c.chat("//user-count", Purpose.of(Purpose.Kind.WELCOME_LUSERS));
		c.chat("//whoami", Purpose.of(Purpose.Kind.AUTOJOIN));
		if (c.has(IrcServer.AWAY_NOTIFY)) {
			awayNotices(c);
		}
	}

	static void lusers(IrcClient c, long users) {
		c.numeric("251", ":There are " + users + " users and 0 invisible on 1 servers");
		c.numeric("255", ":I have " + users + " clients and 1 servers");
	}

	static void motd(IrcClient c) {
		if (c.server.motd().isEmpty()) {
			c.numeric("422", ":MOTD File is missing");
			return;
		}
		c.numeric("375", ":- " + c.server.name() + " Message of the day - ");
		for (String line : c.server.motd()) {
			for (String piece : IrcText.split(line, 400)) {
				c.numeric("372", ":- " + piece);
			}
		}
		c.numeric("376", ":End of /MOTD command.");
	}

}
