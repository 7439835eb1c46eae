package io.tcpchat.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A raw IRC client over a real socket, for protocol tests: sends lines as written (CR LF unless told otherwise)
 * and waits for numerics and commands.
 */
public class IrcTestClient extends ChatClient {

	public IrcTestClient(Socket socket) throws IOException {
		super(socket);
	}

	/** Sends a line ending in CR LF, as IRC clients do. */
	@Override
	public IrcTestClient send(String line) {
		sendRaw((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** Sends a line ending in a bare LF, as some scripts do. */
	public IrcTestClient sendLf(String line) {
		sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
		return this;
	}

	/** PASS, NICK, USER; waits for the end of the welcome burst (the MOTD's end). */
	public IrcTestClient register(String nick, String password) {
		send("PASS " + password).send("NICK " + nick).send("USER " + nick + " 0 * :" + nick);
		expectNumeric("001");
		expectLine(line -> isNumeric(line, "376") || isNumeric(line, "422"));
		return this;
	}

	/** CAP LS 302, CAP REQ (sasl and {@code caps}), SASL PLAIN, CAP END; waits for the end of the MOTD. */
	public IrcTestClient registerWithSasl(String nick, String password, String... caps) {
		send("CAP LS 302").send("NICK " + nick).send("USER " + nick + " 0 * :" + nick);
		expectLine(line -> line.contains(" CAP * LS "));
		send("CAP REQ :" + String.join(" ", withSasl(caps)));
		expectLine(line -> line.contains(" CAP * ACK "));
		send("AUTHENTICATE PLAIN");
		expectLine(line -> line.equals("AUTHENTICATE +"));
		send("AUTHENTICATE " + plain(nick, password));
		expectNumeric("903");
		send("CAP END");
		expectNumeric("001");
		expectLine(line -> isNumeric(line, "376") || isNumeric(line, "422"));
		return this;
	}

	private static List<String> withSasl(String... caps) {
		List<String> all = new ArrayList<>(List.of("sasl"));
		all.addAll(List.of(caps));
		return all;
	}

	public static String plain(String user, String password) {
		return Base64.getEncoder().encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** Waits for the numeric reply {@code code} and returns its line. */
	public String expectNumeric(String code) {
		return expectLine(line -> isNumeric(line, code));
	}

	/** Waits for the numeric reply {@code code} that contains {@code text} (e.g. a channel's name and a space). */
	public String expectNumeric(String code, String text) {
		return expectLine(line -> isNumeric(line, code) && line.contains(text));
	}

	/** Waits for a line with {@code command} (e.g. PRIVMSG) that contains {@code text}. */
	public String expectCommand(String command, String text) {
		return expectLine(line -> command.equals(commandOf(line)) && line.contains(text));
	}

	public static boolean isNumeric(String line, String code) {
		return code.equals(commandOf(line));
	}

	/** The command of a server line: after the tags and the source. */
	public static String commandOf(String line) {
		String[] words = line.split(" ");
		int i = 0;
		if (i < words.length && words[i].startsWith("@")) {
			i++;
		}
		if (i < words.length && words[i].startsWith(":")) {
			i++;
		}
		return (i < words.length) ? words[i] : "";
	}

	/** The text after the first " :" past the command, or "". */
	public static String trailing(String line) {
		int start = line.startsWith("@") ? line.indexOf(' ') + 1 : 0;
		int colon = line.indexOf(" :", start + 1);
		return (colon < 0) ? "" : line.substring(colon + 2);
	}

}
