package io.tcpchat.text;

/**
 * The one cleaning rule for text that other people see: messages, direct messages, broadcasts, ban and kick
 * reasons, and whatever users write for others later (topics, away texts). The services apply it whatever way
 * the text came in (TCP, REST, WebSocket, IRC); the terminal client applies it again to everything it prints.
 * <p>
 * What it does, so that one piece of text stays one harmless line on every screen:
 * <ul>
 * <li>line breaks (LF, CR, NEL, U+2028, U+2029) and TAB, VT, FF become a space: a text never becomes two lines;</li>
 * <li>every other control character (C0, DEL, C1) is removed: no ESC, no BEL, so no terminal escape sequence;</li>
 * <li>bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are removed: no text shown
 * backwards;</li>
 * <li>a lone surrogate becomes U+FFFD;</li>
 * <li>a run of blank characters (spaces of any width, blank-looking letters such as U+3164, and zero-width
 * characters between them) becomes at most {@value #MAX_BLANK_RUN} spaces, so padding cannot push a fake line
 * onto a terminal row of its own. This is a cleaning rule rather than a rule of the text format because the
 * JSON-speaking terminal client, IRC clients and web pages wrap lines on screens too;</li>
 * <li>leading and trailing blanks are dropped.</li>
 * </ul>
 * {@link #hasVisible} tells whether anything visible is left: a lone zero-width space is not a message.
 * <p>
 * Depends on nothing: a shared kernel for the server and the client.
 */
public final class ChatText {

	/** The longest run of spaces a cleaned text keeps. */
	public static final int MAX_BLANK_RUN = 4;

	private ChatText() {
	}

	/** The text as others may see it; {@code null} becomes the empty string. */
	public static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		int run = 0;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (Character.getType(c) == Character.SURROGATE) {
				c = 0xFFFD;
			}
			if (isLineBreakOrTab(c)) {
				c = ' ';
			}
			if (isRemoved(c)) {
				continue;
			}
			if (isBlank(c)) {
				if (run++ < MAX_BLANK_RUN) {
					out.append(' ');
				}
			}
			else if (run > 0 && isInvisible(c)) {
				// a zero-width character inside a run of blanks would only hide the run's length
			}
			else {
				run = 0;
				out.appendCodePoint(c);
			}
		}
		return out.toString().strip();
	}

	/** Whether the text has at least one character that shows: not blank, not zero-width, not a lone mark. */
	public static boolean hasVisible(String text) {
		if (text == null) {
			return false;
		}
		return text.codePoints().anyMatch(c -> !isBlank(c) && !isInvisible(c) && !isRemoved(c) && !isLineBreakOrTab(c));
	}

	/**
	 * User-supplied text as it may go into a log line: control characters, line breaks and bidi overrides
	 * escaped ({@code \n}, {@code \u001b}, ...) so no text can start a forged log line, and cut to {@code max}
	 * characters. Logs name users only when the name is an account's (a password typed into the username field
	 * is not); this escapes whatever still goes in.
	 */
	public static String forLog(String text, int max) {
		if (text == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
		int i = 0;
		for (; i < text.length() && out.length() < max; i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				out.append("\\\\");
			}
			else if (c == '\n') {
				out.append("\\n");
			}
			else if (c == '\r') {
				out.append("\\r");
			}
			else if (isRemoved(c) || isLineBreakOrTab(c) || Character.isSurrogate(c) && !isPaired(text, i)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return (i < text.length()) ? out + "...(" + (text.length() - i) + " more)" : out.toString();
	}

	private static boolean isPaired(String text, int i) {
		char c = text.charAt(i);
		if (Character.isHighSurrogate(c)) {
			return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
		}
		return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
	}

	private static boolean isLineBreakOrTab(int c) {
		return c == '\n' || c == '\r' || c == '\t' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028
				|| c == 0x2029;
	}

	/** Whether {@link #clean} removes the character outright: control characters and bidi overrides. */
	public static boolean isRemoved(int c) {
		return Character.getType(c) == Character.CONTROL || (c >= 0x202A && c <= 0x202E)
				|| (c >= 0x2066 && c <= 0x2069);
	}

	/** Takes room on screen but shows nothing. */
	private static boolean isBlank(int c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x115F || c == 0x1160 || c == 0x3164
				|| c == 0xFFA0 || c == 0x2800;
	}

	/** Takes no room on screen: format characters (zero-width space, joiners, marks) and combining marks. */
	private static boolean isInvisible(int c) {
		int type = Character.getType(c);
		return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
	}

}
