package io.tcpchat.session;

import java.time.Instant;

import io.tcpchat.protocol.ServerEvent;
import io.tcpchat.protocol.TextLines;

/**
 * The {@code text} format: lines for people using {@code nc} or {@code telnet}. Documented in docs/protocol.md.
 */
final class TextFormat {

	/** The notice code of the date line (text format only). */
	static final String NEW_DAY = "new-day";

	private TextFormat() {
	}

	static long epochDay(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), 86_400);
	}

	static Instant timestampOf(ServerEvent event) {
		if (event instanceof ServerEvent.Message m) {
			return m.ts();
		}
		if (event instanceof ServerEvent.Dm d) {
			return d.ts();
		}
		return (event instanceof ServerEvent.Broadcast b) ? b.ts() : null;
	}

	static String render(ServerEvent event) {
		if (event instanceof ServerEvent.Message m) {
			return m.isAction() ? TextLines.channelAction(m.ts(), m.channel(), m.from(), m.text())
					: TextLines.channelMessage(m.ts(), m.channel(), m.from(), m.text());
		}
		if (event instanceof ServerEvent.Dm d) {
			return TextLines.directMessage(d.ts(), d.from(), d.to(), d.text());
		}
		if (event instanceof ServerEvent.Edit e) {
			return time(e.ts()) + " " + ((e.channel() != null) ? "[#" + e.channel() + "] " : "[dm] ") + e.from() + " edited a message: " + e.text();
		}
		if (event instanceof ServerEvent.Unsend u) {
			return "* " + u.from() + " took back a message " + ((u.channel() != null) ? "in #" + u.channel() : "to " + u.to());
		}
		if (event instanceof ServerEvent.Broadcast b) {
			return time(b.ts()) + " [broadcast] " + b.from() + ": " + b.text();
		}
		if (event instanceof ServerEvent.Reply r) {
			return prefixLines("* ", r.text());
		}
		if (event instanceof ServerEvent.Error e) {
			return "! " + e.code() + ": " + e.text();
		}
		if (event instanceof ServerEvent.Prompt p) {
			return "? " + p.text();
		}
		if (event instanceof ServerEvent.Join j) {
			return "* " + j.user() + " joined #" + j.channel();
		}
		if (event instanceof ServerEvent.Part p) {
			return "* " + p.user() + " left #" + p.channel() + ((p.reason() == null) ? "" : " (" + p.reason() + ")");
		}
		if (event instanceof ServerEvent.Topic t) {
			return "* " + t.by() + ((t.topic() == null) ? " cleared the topic of #" + t.channel()
					: " set the topic of #" + t.channel() + ": " + t.topic());
		}
		if (event instanceof ServerEvent.Notice n) {
			return "*** " + n.text();
		}
		if (event instanceof ServerEvent.LoggedIn l) {
			return "*** Logged in as " + l.user() + " " + l.roles() + ". You are in #" + l.channel() + ".";
		}
		if (event instanceof ServerEvent.Welcome w) {
			return "*** Welcome to " + w.server() + " " + w.version() + " (node " + w.node() + "). Registration is "
					+ w.registration() + ". //help lists the commands.";
		}
		if (event instanceof ServerEvent.Ping p) {
			return "* ping " + p.token() + " (type anything, or //pong " + p.token() + ")";
		}
		if (event instanceof ServerEvent.Bye b) {
			return "* bye: " + b.reason();
		}
		throw new IllegalArgumentException("No text form for " + event);
	}

	private static String time(Instant instant) {
		return TextLines.time(instant);
	}

	private static String prefixLines(String prefix, String text) {
		return prefix + text.replace("\n", "\n" + prefix);
	}

}
