package io.tcpchat.connection;

/**
 * One line from a client, decoded and cleaned, or the marker for a line that was too long and discarded.
 */
public record InboundLine(String text, boolean tooLong) {

	public static final InboundLine TOO_LONG = new InboundLine("", true);

	public static InboundLine of(String text) {
		return new InboundLine(text, false);
	}

	/** A line as the client sent it, cleaned by the one rule every listener applies. */
	public static InboundLine cleaned(String text) {
		return of(withoutControlCharacters(text));
	}

	/**
	 * Removes control characters other than TAB (C0, DEL and the C1 range), so nobody can send terminal escape
	 * sequences, or a line break inside a line, to others.
	 */
	public static String withoutControlCharacters(String text) {
		StringBuilder cleaned = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = (c < 0x20 && c != '\t') || c == 0x7f || (c >= 0x80 && c < 0xa0);
			if (control && cleaned == null) {
				cleaned = new StringBuilder(text.length()).append(text, 0, i);
			}
			else if (!control && cleaned != null) {
				cleaned.append(c);
			}
		}
		return (cleaned == null) ? text : cleaned.toString();
	}

}
