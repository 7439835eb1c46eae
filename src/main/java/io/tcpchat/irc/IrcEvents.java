package io.tcpchat.irc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.tcpchat.protocol.ServerEvent;

/**
 * Chat events as IRC lines: messages and DMs as PRIVMSG (with {@code server-time} and {@code msgid} tags when
 * asked for), joins, parts and removals as JOIN, PART and KICK, topics, invitations and channel roles as TOPIC,
 * INVITE and MODE, and the rest as NOTICEs from ChatServ. Called under the client's lock.
 */
final class IrcEvents {

	static final String ADMIN = "ADMIN";

	static final int HISTORY_ON_JOIN = 10;

	private IrcEvents() {
	}

	static void render(IrcClient c, ServerEvent event) {
		if (event instanceof ServerEvent.Welcome) {
			return;
		}
		if (event instanceof ServerEvent.Prompt p) {
			// a ChatServ command asks something (//delete-channel): the next message to ChatServ answers; the chat
			// shows an open question again after every other command, ChatServ says it once
			if (c.account != null && !(c.promptOpen && p.text().equals(c.promptText))) {
				c.promptOpen = true;
				c.promptText = p.text();
				c.chatServ(p.text() + " (answer with /msg " + IrcServer.CHATSERV + " <answer>)");
			}
			return;
		}
		if (event instanceof ServerEvent.LoggedIn l) {
			loggedIn(c, l);
		}
		else if (event instanceof ServerEvent.Reply r) {
			IrcAnswers.reply(c, r);
		}
		else if (event instanceof ServerEvent.Error e) {
			IrcAnswers.error(c, e);
		}
		else if (event instanceof ServerEvent.Ping p) {
			c.send("PING :" + p.token());
		}
		else if (event instanceof ServerEvent.Bye b) {
			c.send(closingLink(c, b));
		}
		else if (!c.registered) {
			c.held.add(event);
		}
		else {
			chatEvent(c, event);
		}
	}

	static String closingLink(IrcClient c, ServerEvent.Bye bye) {
		return "ERROR :Closing link: " + c.server.name() + " (" + bye.reason() + ")";
	}

	private static void loggedIn(IrcClient c, ServerEvent.LoggedIn l) {
		IrcClient.Login how = c.pendingLogin;
		c.pendingLogin = IrcClient.Login.NONE;
		c.account = l.user();
		c.admin = l.roles() != null && l.roles().stream().anyMatch(ADMIN::equalsIgnoreCase);
		if (how == IrcClient.Login.REGISTER) {
			c.fromServer("REGISTER SUCCESS " + c.account + " :Account created; you are logged in as " + c.account);
		}
		if (how == IrcClient.Login.SASL || how == IrcClient.Login.REGISTER) {
			c.numeric("900", c.server.mask(c.account) + " " + c.account + " :You are now logged in as " + c.account);
		}
		if (how == IrcClient.Login.SASL) {
			c.numeric("903", ":SASL authentication successful");
		}
		IrcRegistration.complete(c);
	}

	/** The welcome burst is over: the events held back until now follow. */
	static void registered(IrcClient c) {
		c.registered = true;
		for (ServerEvent event : c.held) {
			chatEvent(c, event);
		}
		c.held.clear();
	}

	static void chatEvent(IrcClient c, ServerEvent event) {
		if (event instanceof ServerEvent.Message m) {
			if (!c.isMe(m.from()) || c.has(IrcServer.ECHO_MESSAGE)) {
				String text = m.isAction() ? IrcText.CTCP + "ACTION " + m.text() + IrcText.CTCP : m.text();
				c.text(m.ts(), m.id(), m.from(), "PRIVMSG", IrcText.ircChannel(m.channel()), text);
			}
		}
		else if (event instanceof ServerEvent.Dm d) {
			if (!c.isMe(d.from())) {
				c.text(d.ts(), d.id(), d.from(), "PRIVMSG", c.me(), d.text());
			}
			else if (c.has(IrcServer.ECHO_MESSAGE)) {
				c.text(d.ts(), d.id(), d.from(), "PRIVMSG", d.to(), d.text());
			}
		}
		else if (event instanceof ServerEvent.Edit e) {
			c.text(e.ts(), e.id(), IrcServer.CHATSERV, "NOTICE", (e.channel() != null) ? IrcText.ircChannel(e.channel()) : c.me(),
					e.from() + " edited message " + e.id() + ": " + e.text());
		}
		else if (event instanceof ServerEvent.Unsend u) {
			c.text(null, u.id(), IrcServer.CHATSERV, "NOTICE", (u.channel() != null) ? IrcText.ircChannel(u.channel()) : c.me(),
					u.from() + " took back message " + u.id());
		}
		else if (event instanceof ServerEvent.Broadcast b) {
			c.text(b.ts(), b.id(), IrcServer.CHATSERV, "NOTICE", c.me(), "[broadcast] " + b.from() + ": " + b.text());
		}
		else if (event instanceof ServerEvent.Join j) {
			if (!c.isMe(j.user())) {
				c.fromUser(j.user(), "JOIN " + IrcText.ircChannel(j.channel()));
			}
			else if (c.joined.add(j.channel())) {
				joinBurst(c, j.channel(), false, null);
				recentHistory(c, j.channel());
			}
		}
		else if (event instanceof ServerEvent.Part p) {
			part(c, p);
		}
		else if (event instanceof ServerEvent.Topic t) {
			c.fromUser(t.by(), "TOPIC " + IrcText.ircChannel(t.channel()) + " :" + ((t.topic() == null) ? "" : t.topic()));
		}
		else if (event instanceof ServerEvent.Notice n) {
			notice(c, n);
		}
	}

	private static void part(IrcClient c, ServerEvent.Part p) {
		if (c.isMe(p.user()) && !c.joined.remove(p.channel())) {
			return;
		}
		String channel = IrcText.ircChannel(p.channel());
		String removedBy = "removed by ";
		if (p.reason() != null && p.reason().startsWith(removedBy)) {
			String by = p.reason().substring(removedBy.length());
			c.fromUser(by, "KICK " + channel + " " + p.user() + " :" + p.reason());
		}
		else {
			c.fromUser(p.user(), "PART " + channel + ((p.reason() != null) ? " :" + p.reason() : ""));
		}
	}

	private static void notice(IrcClient c, ServerEvent.Notice n) {
		String channel = (n.channel() != null) ? IrcText.ircChannel(n.channel()) : null;
		switch ((n.code() != null) ? n.code() : "") {
			case "no-channel" -> {
				// IRC has no current channel: every message names its target
			}
			case "invited" -> {
				if (n.by() != null) {
					c.fromUser(n.by(), "INVITE " + c.me() + " " + channel);
				}
				else {
					c.chatServ(n.text());
				}
			}
			case "moderator" -> c.fromUser(n.by(),
					"MODE " + channel + (n.text().startsWith(n.by() + " made ") ? " +o " : " -o ") + n.user());
			case "away" -> {
				// "<user> is away: <text>" (EventDelivery): IRC's AWAY carries the text alone
				String prefix = n.user() + " is away: ";
				c.fromUser(n.user(), "AWAY :" + (n.text().startsWith(prefix) ? n.text().substring(prefix.length())
						: n.text()));
			}
			case "back" -> c.fromUser(n.user(), "AWAY");
			case "owner" -> {
				c.fromUser(n.by(), "MODE " + channel + " +o " + n.user());
				c.chatServ(n.text());
			}
			default -> c.chatServ(n.text());
		}
	}

	/**
	 * What an IRC client expects on joining: JOIN, the topic (332, when there is one) and the names (353, 366).
	 * @param topicKnown whether {@code topic} is the channel's topic; if not, it is asked for
	 */
	static void joinBurst(IrcClient c, String channel, boolean topicKnown, String topic) {
		String ircName = IrcText.ircChannel(channel);
		c.fromUser(c.me(), "JOIN " + ircName);
		if (!topicKnown) {
			c.chat("//topic " + ircName, Purpose.of(Purpose.Kind.JOIN_TOPIC, channel));
		}
		else if (topic != null) {
			c.numeric("332", ircName + " :" + topic);
		}
		c.chat("//members " + channel, Purpose.of(Purpose.Kind.JOIN_NAMES, channel));
	}

	/**
	 * The channel's last messages after a JOIN: a {@code chathistory} batch of PRIVMSGs with their time and id for
	 * a client with {@code batch} and {@code server-time}, else one NOTICE from ChatServ ({@code asText}).
	 */
	static void history(IrcClient c, String ircChannel, List<?> messages, String asText) {
		if (messages.isEmpty()) {
			return;
		}
		if (!c.has(IrcServer.BATCH) || !c.has(IrcServer.SERVER_TIME)) {
			c.text(null, null, IrcServer.CHATSERV, "NOTICE", ircChannel, asText);
			return;
		}
		String batch = c.nextBatch();
		c.fromServer("BATCH +" + batch + " chathistory " + ircChannel);
		for (Object item : messages) {
			Map<String, ?> m = IrcAnswers.map(item);
			String text = IrcAnswers.string(m.get("text"));
			String from = IrcAnswers.string(m.get("from"));
			if (text == null || from == null) {
				continue;
			}
			if (Boolean.TRUE.equals(m.get("action"))) {
				text = IrcText.CTCP + "ACTION " + text + IrcText.CTCP;
			}
			Long id = (m.get("id") instanceof Number n) ? n.longValue() : null;
			c.text(instant(m.get("ts")), id, from, "PRIVMSG", ircChannel, text, batch);
		}
		c.fromServer("BATCH -" + batch);
	}

	private static Instant instant(Object value) {
		if (value instanceof Number n) {
			return Instant.ofEpochMilli(n.longValue());
		}
		try {
			return (value != null) ? Instant.parse(value.toString()) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The channel's last messages after a JOIN (not at login: the unread counts say what is new then). */
	static void recentHistory(IrcClient c, String channel) {
		c.chat("//history " + channel + " " + HISTORY_ON_JOIN, Purpose.of(Purpose.Kind.JOIN_HISTORY, channel));
	}

}
