package io.tcpchat.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.tcpchat.connection.InboundLine;

import org.springframework.core.serializer.Deserializer;
import org.springframework.core.serializer.Serializer;
import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

/**
 * Framing of the chat protocol: UTF-8 lines ending in LF (a CR before it is dropped).
 * <p>
 * Inbound, a last line without LF before the end of the stream still counts; a line longer than {@code maxLineBytes} is read to its end and discarded, so the connection stays in
 * step; invalid UTF-8 becomes U+FFFD; control characters other than TAB are removed so nobody can send terminal
 * escape sequences to others ({@link InboundLine#cleaned}). Outbound frames are written as given (the session layer renders whole lines).
 */
public class LineCodec implements Deserializer<InboundLine>, Serializer<byte[]> {

	private final int maxLineBytes;

	private final boolean raw;

	public LineCodec(int maxLineBytes) {
		this(maxLineBytes, false);
	}

	/**
	 * @param raw lines are handed on as decoded, not cleaned: for a dialect that needs control characters of its
	 * protocol (IRC's CTCP marker) and cleans each line itself once it has parsed it
	 */
	public LineCodec(int maxLineBytes, boolean raw) {
		this.maxLineBytes = maxLineBytes;
		this.raw = raw;
	}

	@Override
	public InboundLine deserialize(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(128);
		boolean tooLong = false;
		int b;
		while ((b = in.read()) != '\n') {
			if (b < 0) {
				if (line.size() == 0) {
					throw new SoftEndOfStreamException("Stream closed");
				}
				break;
			}
			if (line.size() < this.maxLineBytes + 1) {
				line.write(b);
			}
			else {
				tooLong = true;
			}
		}
		byte[] bytes = line.toByteArray();
		return decode(bytes, 0, bytes.length, tooLong, this.maxLineBytes, this.raw);
	}

	/**
	 * One line from its bytes (without the LF): a CR at the end is dropped, invalid UTF-8 becomes U+FFFD, control
	 * characters are removed; a line longer than {@code maxLineBytes} is {@link InboundLine#TOO_LONG}.
	 */
	static InboundLine decode(byte[] bytes, int offset, int length, boolean tooLong, int maxLineBytes) {
		return decode(bytes, offset, length, tooLong, maxLineBytes, false);
	}

	/** As {@link #decode(byte[], int, int, boolean, int)}, without cleaning when {@code raw}. */
	static InboundLine decode(byte[] bytes, int offset, int length, boolean tooLong, int maxLineBytes, boolean raw) {
		if (length > 0 && bytes[offset + length - 1] == '\r') {
			length--;
		}
		if (tooLong || length > maxLineBytes) {
			return InboundLine.TOO_LONG;
		}
		String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
		return raw ? InboundLine.of(text) : InboundLine.cleaned(text);
	}

	@Override
	public void serialize(byte[] frame, OutputStream out) throws IOException {
		out.write(frame);
	}

}
