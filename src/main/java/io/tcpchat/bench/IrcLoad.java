package io.tcpchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IRC side of a {@link LoadClient}: what it says to register, when it is ready, and what the server's other
 * lines mean to it. Bench messages themselves ({@code PRIVMSG ... :bench <nanos> <index> <seq> ...}) are read
 * straight from the bytes by the client; only the rare other lines come here.
 * <p>
 * On our server a client logs in with {@code PASS} (its account exists already) and asks for
 * {@code echo-message}, so that a sender sees its own messages come back: that is its acknowledgement, as for the
 * other clients. A third-party server ({@link #external}) gets {@code NICK} and {@code USER} only; ngIRCd has no
 * {@code echo-message}, so there a message counts as accepted once it is written, and the sender's own copy is
 * no delivery (the others' are).
 */
final class IrcLoad {

	/** What a line asks of the client. */
	enum Outcome {
		NONE, REPLY, READY, ERROR, FAILED
	}

	private final String nick;

	private final String password;

	/** The channel as IRC names it ({@code #bench-c0}), or null for a client without one. */
	private final String channel;

	private final boolean external;

	private boolean echo;

	private boolean ready;

	/** The line to send ({@link Outcome#REPLY}) or the error's name ({@link Outcome#ERROR}, FAILED). */
	private String detail;

	IrcLoad(String nick, String password, String channel, boolean external) {
		this.nick = nick;
		this.password = password;
		this.channel = (channel != null) ? "#" + channel : null;
		this.external = external;
	}

	/** The lines that register the connection. */
	List<String> opening() {
		List<String> lines = new ArrayList<>();
		if (!this.external) {
			lines.add("CAP REQ :echo-message");
			lines.add("PASS " + this.password);
		}
		lines.add("NICK " + this.nick);
		lines.add("USER " + this.nick + " 0 * :bench");
		if (!this.external) {
			lines.add("CAP END");
		}
		return lines;
	}

	/** A bench message to {@code target} (a channel, or a nick for DMs), stamped by the caller's text. */
	String message(String target, String text) {
		return "PRIVMSG " + ((target != null) ? target : this.channel) + " :" + text;
	}

	/** Whether the server echoes the sender's own messages (else they count as accepted once written). */
	boolean echoes() {
		return this.echo;
	}

	String detail() {
		return this.detail;
	}

	/** Reads one line that is no bench message. */
	Outcome line(String line) {
		List<String> words = parse(line);
		if (words.isEmpty()) {
			return Outcome.NONE;
		}
		String command = words.get(0).toUpperCase(Locale.ROOT);
		String last = words.get(words.size() - 1);
		switch (command) {
			case "PING" -> {
				return reply("PONG :" + ((words.size() > 1) ? last : ""));
			}
			case "CAP" -> {
				if (words.size() > 3 && words.get(2).equals("ACK") && last.contains("echo-message")) {
					this.echo = true;
				}
				return Outcome.NONE;
			}
			case "001" -> {
				if (this.channel != null) {
					return reply("JOIN " + this.channel);
				}
				return becomeReady();
			}
			case "366" -> {
				return (words.size() > 2 && words.get(2).equalsIgnoreCase(this.channel)) ? becomeReady() : Outcome.NONE;
			}
			case "ERROR" -> {
				return error("ERROR " + last);
			}
			case "NOTICE" -> {
				// the flood limit of our server answers with a NOTICE from the server itself
				return (line.startsWith(":tcp-chat NOTICE") && last.startsWith("Slow down")) ? error("rate-limited")
						: Outcome.NONE;
			}
			default -> {
				boolean numericError = command.length() == 3 && (command.charAt(0) == '4' || command.charAt(0) == '5');
				// 422: no MOTD, which is no error
				return (numericError && !command.equals("422")) ? error("irc-" + command) : Outcome.NONE;
			}
		}
	}

	private Outcome reply(String line) {
		this.detail = line;
		return Outcome.REPLY;
	}

	private Outcome becomeReady() {
		if (this.ready) {
			return Outcome.NONE;
		}
		this.ready = true;
		return Outcome.READY;
	}

	private Outcome error(String name) {
		this.detail = name;
		return this.ready ? Outcome.ERROR : Outcome.FAILED;
	}

	/** The command and parameters of a line, tags and source left out. */
	static List<String> parse(String line) {
		List<String> words = new ArrayList<>();
		int i = 0;
		int n = line.length();
		if (i < n && line.charAt(i) == '@') {
			i = line.indexOf(' ');
			if (i < 0) {
				return words;
			}
			i++;
		}
		if (i < n && line.charAt(i) == ':') {
			i = line.indexOf(' ', i);
			if (i < 0) {
				return words;
			}
			i++;
		}
		while (i < n) {
			if (line.charAt(i) == ' ') {
				i++;
				continue;
			}
			if (line.charAt(i) == ':' && !words.isEmpty()) {
				words.add(line.substring(i + 1));
				break;
			}
			int end = line.indexOf(' ', i);
			words.add(line.substring(i, (end < 0) ? n : end));
			i = (end < 0) ? n : end;
		}
		return words;
	}

}
