package io.tcpchat.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.tcpchat.protocol.ServerEvent;
import io.tcpchat.text.ChatText;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * How server events look in the terminal: local timestamps, channel, sender names in their colours, direct
 * messages and broadcasts set apart, errors readable. Produces styled strings; whether the styles become ANSI
 * escapes is the terminal's business (see {@link TerminalClient}).
 */
final class EventFormatter {

	private static final AttributedStyle TIME = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);

	private static final AttributedStyle FAINT = AttributedStyle.DEFAULT.faint();

	private static final AttributedStyle CHANNEL = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

	private static final AttributedStyle DM = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

	private static final AttributedStyle BROADCAST = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);

	private static final AttributedStyle ERROR = AttributedStyle.BOLD.foreground(AttributedStyle.RED);

	private static final AttributedStyle REPLY = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);

	private static final AttributedStyle NOTICE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);

	/** The text of a message that mentions you. */
	private static final AttributedStyle MENTION = AttributedStyle.BOLD.inverse();

	private final DateTimeFormatter time;

	private final Clock clock;

	EventFormatter(ZoneId zone, Clock clock) {
		this.time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
		this.clock = clock;
	}

	/**
	 * The lines for one event, or {@code null} for events the client handles without showing them (prompts,
	 * pings).
	 * @param me the logged-in user, or {@code null}
	 */
	AttributedString format(ServerEvent event, String me) {
		if (event instanceof ServerEvent.Message m) {
			return message(m, me);
		}
		if (event instanceof ServerEvent.Dm d) {
			return dm(d, me);
		}
		if (event instanceof ServerEvent.Broadcast b) {
			AttributedStringBuilder line = timestamp(b.ts());
			line.styled(BROADCAST, "[broadcast] " + safe(b.from()) + ": " + safe(b.text()));
			return line.toAttributedString();
		}
		if (event instanceof ServerEvent.Reply r) {
			return reply(r);
		}
		if (event instanceof ServerEvent.Error e) {
			return error(e);
		}
		if (event instanceof ServerEvent.Join j) {
			return membership(safe(j.user()) + " joined ", j.channel(), null);
		}
		if (event instanceof ServerEvent.Part p) {
			return membership(safe(p.user()) + " left ", p.channel(), p.reason());
		}
		if (event instanceof ServerEvent.Notice n) {
			return notice(n.text());
		}
		if (event instanceof ServerEvent.Topic t) {
			return membership(safe(t.by()) + ((t.topic() == null) ? " cleared the topic of " : " set the topic of "),
					t.channel(), t.topic());
		}
		if (event instanceof ServerEvent.LoggedIn l) {
			return notice("Logged in as " + safe(l.user()) + (isAdmin(l) ? " (admin)" : "") + ". You are in #"
					+ safe(l.channel()) + ". //help lists the commands, Tab completes, //quit leaves.");
		}
		if (event instanceof ServerEvent.Welcome w) {
			return notice("Connected to " + safe(w.server()) + " " + safe(w.version()) + " (node " + safe(w.node())
					+ ").");
		}
		if (event instanceof ServerEvent.Bye b) {
			return notice("The server closed the session: " + safe(b.reason()));
		}
		return null;
	}

	private static boolean isAdmin(ServerEvent.LoggedIn loggedIn) {
		return loggedIn.roles() != null && loggedIn.roles().stream().anyMatch("admin"::equalsIgnoreCase);
	}

	AttributedString message(ServerEvent.Message m) {
		return message(m, null);
	}

	/** A message that mentions {@code me} shows its text highlighted. */
	AttributedString message(ServerEvent.Message m, String me) {
		AttributedStringBuilder line = timestamp(m.ts());
		line.styled(CHANNEL, "#" + safe(m.channel())).append(' ');
		if (m.isAction()) {
			line.append("* ");
		}
		name(line, m.from(), m.color());
		line.append(m.isAction() ? " " : ": ");
		if (m.mentions(me)) {
			line.styled(MENTION, safe(m.text()));
		}
		else {
			line.append(safe(m.text()));
		}
		return line.toAttributedString();
	}

	private AttributedString dm(ServerEvent.Dm d, String me) {
		AttributedStringBuilder line = timestamp(d.ts());
		boolean mine = d.from().equalsIgnoreCase(String.valueOf(me));
		line.styled(DM, mine ? "[dm to " + safe(d.to()) + "] " : "[dm] ");
		name(line, d.from(), d.color());
		line.append(": ").append(safe(d.text()));
		return line.toAttributedString();
	}

	private AttributedString reply(ServerEvent.Reply r) {
		AttributedStringBuilder lines = new AttributedStringBuilder();
		String[] parts = String.valueOf(r.text()).split("\n", -1);
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) {
				lines.append('\n');
			}
			lines.styled(REPLY, "* ").append(safe(parts[i]));
		}
		return lines.toAttributedString();
	}

	private AttributedString error(ServerEvent.Error e) {
		AttributedStringBuilder line = new AttributedStringBuilder();
		line.styled(ERROR, "! ").styled(ERROR, safe(e.text()));
		line.styled(FAINT, " (" + safe(e.code()) + ((e.command() != null) ? " in //" + safe(e.command()) : "") + ")");
		return line.toAttributedString();
	}

	private AttributedString membership(String who, String channel, String reason) {
		AttributedStringBuilder line = timestamp(this.clock.instant());
		line.styled(FAINT, "-- " + who).styled(CHANNEL, "#" + safe(channel));
		if (ChatText.hasVisible(reason)) {
			line.styled(FAINT, " (" + safe(reason) + ")");
		}
		return line.toAttributedString();
	}

	/** A line from the client itself: connection state, reconnects, hints. */
	AttributedString notice(String text) {
		return new AttributedStringBuilder().styled(NOTICE, "-- " + safe(text)).toAttributedString();
	}

	/** A problem noticed by the client itself. */
	AttributedString problem(String text) {
		return new AttributedStringBuilder().styled(ERROR, "! " + safe(text)).toAttributedString();
	}

	/** The chat input prompt, e.g. {@code #general> }. */
	AttributedString chatPrompt(String channel, boolean online) {
		AttributedStringBuilder prompt = new AttributedStringBuilder();
		if (!online) {
			prompt.styled(ERROR, "(offline) ");
		}
		return prompt.styled(CHANNEL, (channel != null) ? "#" + channel : "").append("> ").toAttributedString();
	}

	private AttributedStringBuilder timestamp(Instant ts) {
		AttributedStringBuilder line = new AttributedStringBuilder();
		line.styled(TIME, this.time.format((ts != null) ? ts : this.clock.instant())).append(' ');
		return line;
	}

	private static void name(AttributedStringBuilder line, String name, String color) {
		AttributedStyle style = AttributedStyle.BOLD;
		int[] rgb = rgb(color);
		if (rgb != null) {
			style = style.foreground(rgb[0], rgb[1], rgb[2]);
		}
		line.styled(style, safe(name));
	}

	/**
	 * Server text as it may reach the terminal: one line, no control characters (so no escape sequence the
	 * server, or anyone through it, sends is ever executed), no bidi overrides, no long blank runs. The server
	 * cleans the same way ({@link ChatText}); the client does not rely on it.
	 */
	static String safe(String text) {
		return ChatText.clean(text);
	}

	/**
	 * The last guard before the terminal: removes any control character but the line breaks this formatter put
	 * in itself, keeping the styles (which become escapes only when JLine renders them).
	 */
	static AttributedString printable(AttributedString lines) {
		AttributedStringBuilder out = new AttributedStringBuilder(lines.length());
		for (int i = 0; i < lines.length(); i++) {
			char c = lines.charAt(i);
			if (c == '\n' || !ChatText.isRemoved(c)) {
				out.style(lines.styleAt(i)).append(c);
			}
		}
		return out.toAttributedString();
	}

	static int[] rgb(String color) {
		if (color == null || !color.matches("#[0-9a-fA-F]{6}")) {
			return null;
		}
		int value = Integer.parseInt(color.substring(1), 16);
		return new int[] { (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff };
	}

}
