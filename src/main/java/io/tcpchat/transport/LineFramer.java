package io.tcpchat.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

import io.tcpchat.connection.InboundLine;

/**
 * Cuts the bytes of one connection into lines without blocking, for a reader that reads into a buffer it
 * shares with other connections: a line that arrives whole is decoded straight from that buffer, and only the
 * start of a line still incomplete is copied and kept (at most {@code maxLineBytes + 1} bytes, so an idle
 * connection holds nothing). Decoding follows {@link LineCodec}.
 */
final class LineFramer {

	private final int maxLineBytes;

	/** The start of an incomplete line; null when there is none. */
	private byte[] partial;

	private int partialLength;

	private boolean tooLong;

	private final boolean raw;

	LineFramer(int maxLineBytes) {
		this(maxLineBytes, false);
	}

	/** @param raw lines are not cleaned (see {@link LineCodec#LineCodec(int, boolean)}) */
	LineFramer(int maxLineBytes, boolean raw) {
		this.maxLineBytes = maxLineBytes;
		this.raw = raw;
	}

	/** Hands every line completed by the bytes of the (heap) buffer to {@code lines}, in order. */
	void feed(ByteBuffer buffer, Consumer<InboundLine> lines) {
		byte[] bytes = buffer.array();
		int offset = buffer.arrayOffset();
		int position = offset + buffer.position();
		int end = offset + buffer.limit();
		while (position < end) {
			int lineFeed = indexOfLineFeed(bytes, position, end);
			if (lineFeed < 0) {
				keep(bytes, position, end);
				break;
			}
			if (this.partialLength == 0 && !this.tooLong) {
				lines.accept(LineCodec.decode(bytes, position, lineFeed - position, false, this.maxLineBytes, this.raw));
			}
			else {
				keep(bytes, position, lineFeed);
				lines.accept(takePartial());
			}
			position = lineFeed + 1;
		}
		buffer.position(buffer.limit());
	}

	/** The last line, sent without a line feed before the end of the stream; null if there is none. */
	InboundLine finish() {
		return (this.partialLength > 0 || this.tooLong) ? takePartial() : null;
	}

	/** Bytes held for an incomplete line. */
	int heldBytes() {
		return (this.partial != null) ? this.partial.length : 0;
	}

	private InboundLine takePartial() {
		InboundLine line = LineCodec.decode(this.partial, 0, this.partialLength, this.tooLong, this.maxLineBytes, this.raw);
		this.partial = null;
		this.partialLength = 0;
		this.tooLong = false;
		return line;
	}

	/** Keeps up to {@code maxLineBytes + 1} bytes of a line (the extra one for a CR before the LF). */
	private void keep(byte[] bytes, int from, int to) {
		int room = this.maxLineBytes + 1 - this.partialLength;
		int length = Math.min(to - from, room);
		if (length < to - from) {
			this.tooLong = true;
		}
		if (length <= 0) {
			return;
		}
		int needed = this.partialLength + length;
		if (this.partial == null) {
			this.partial = new byte[Math.max(needed, 64)];
		}
		else if (this.partial.length < needed) {
			this.partial = Arrays.copyOf(this.partial, Math.min(Math.max(needed, this.partial.length * 2),
					this.maxLineBytes + 1));
		}
		System.arraycopy(bytes, from, this.partial, this.partialLength, length);
		this.partialLength = needed;
	}

	private static int indexOfLineFeed(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

}
