package io.tcpchat.connection;

/**
 * One line from a client, decoded and cleaned, or the marker for a line that was too long and discarded.
 */
public record InboundLine(String text, boolean tooLong) {

	public static final InboundLine TOO_LONG = new InboundLine("", true);

	public static InboundLine of(String text) {
		return new InboundLine(text, false);
	}

}
