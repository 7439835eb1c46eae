package io.tcpchat.transport.websocket;

import io.tcpchat.connection.InboundLine;

/**
 * Turns the parts of one text frame (the container hands a long frame over in parts) into one line. A frame over
 * {@code maxLineBytes} bytes of UTF-8 is not kept: its parts are dropped as they come and it becomes
 * {@link InboundLine#TOO_LONG}, so a huge frame costs no memory and the connection stays open. Not thread-safe:
 * the container delivers the parts of one connection one at a time.
 */
final class FrameAssembler {

	private final int maxLineBytes;

	private StringBuilder parts;

	private long bytes;

	private boolean tooLong;

	FrameAssembler(int maxLineBytes) {
		this.maxLineBytes = maxLineBytes;
	}

	/** @return the line when {@code last} ends a frame, otherwise null */
	InboundLine append(String part, boolean last) {
		if (!this.tooLong) {
			this.bytes += utf8Length(part);
			if (this.bytes > this.maxLineBytes) {
				this.tooLong = true;
				this.parts = null;
			}
			else if (!last || this.parts != null) {
				if (this.parts == null) {
					this.parts = new StringBuilder(part.length() * 2);
				}
				this.parts.append(part);
			}
		}
		if (!last) {
			return null;
		}
		InboundLine line = this.tooLong ? InboundLine.TOO_LONG
				: InboundLine.cleaned((this.parts != null) ? this.parts.toString() : part);
		this.parts = null;
		this.bytes = 0;
		this.tooLong = false;
		return line;
	}

	static long utf8Length(CharSequence text) {
		long length = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				length++;
			}
			else if (c < 0x800) {
				length += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				length += 4;
				i++;
			}
			else {
				length += 3;
			}
		}
		return length;
	}

}
