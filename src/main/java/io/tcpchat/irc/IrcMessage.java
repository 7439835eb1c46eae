package io.tcpchat.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One IRC line as a client sent it: {@code [@tags] [:source] COMMAND [params] [:trailing]} (RFC 1459 section
 * 2.3.1, IRCv3 message tags). Client tags are read past and ignored; the command is upper case.
 */
record IrcMessage(String command, List<String> params) {

	/** @return null for a line with no command (empty, or only tags and a source) */
	static IrcMessage parse(String line) {
		int i = 0;
		int n = line.length();
		if (i < n && line.charAt(i) == '@') {
			i = skipWord(line, i);
		}
		i = skipSpaces(line, i);
		if (i < n && line.charAt(i) == ':') {
			i = skipSpaces(line, skipWord(line, i));
		}
		int end = skipWord(line, i);
		if (end == i) {
			return null;
		}
		String command = line.substring(i, end).toUpperCase(Locale.ROOT);
		List<String> params = new ArrayList<>();
		i = skipSpaces(line, end);
		while (i < n) {
			if (line.charAt(i) == ':') {
				params.add(line.substring(i + 1));
				break;
			}
			end = skipWord(line, i);
			params.add(line.substring(i, end));
			i = skipSpaces(line, end);
		}
		return new IrcMessage(command, List.copyOf(params));
	}

	int size() {
		return this.params.size();
	}

	/** The parameter at {@code index}, or null. */
	String param(int index) {
		return (index < this.params.size()) ? this.params.get(index) : null;
	}

	/** The last parameter, or null when there is none. */
	String last() {
		return this.params.isEmpty() ? null : this.params.get(this.params.size() - 1);
	}

	private static int skipWord(String line, int i) {
		while (i < line.length() && line.charAt(i) != ' ') {
			i++;
		}
		return i;
	}

	private static int skipSpaces(String line, int i) {
		while (i < line.length() && line.charAt(i) == ' ') {
			i++;
		}
		return i;
	}

}
