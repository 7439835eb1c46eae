package io.tcpchat.transport;

/**
 * One line from a client, decoded and cleaned, or the marker for a line that was too long and discarded.
 */
public record InboundLine(String text, boolean tooLong) {

	static final InboundLine TOO_LONG = new InboundLine("", true);

	static InboundLine of(String text) {
		return new InboundLine(text, false);
	}

}
