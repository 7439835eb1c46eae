package io.tcpchat.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The little of RFC 6455 a load client needs, on its own non-blocking socket: the upgrade request, masked text
 * frames out (with a zero masking key, which leaves the payload as it is and costs nothing), and the server's
 * unmasked frames in, each handed on as one line.
 */
final class WebSocketFraming {

	/** Where complete lines go. */
	interface Lines {

		void opened() throws java.io.IOException;

		void line(byte[] bytes, int start, int end) throws java.io.IOException;

		void closed(String reason);

	}

	private static final byte[] HEAD_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

	private byte[] buffer = new byte[1024];

	private int length;

	private boolean open;

	static byte[] upgradeRequest(String host, int port) {
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		return ("GET /ws HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
				+ "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** One text frame, masked as a client's must be (key 0: the payload stays as it is). */
	static byte[] textFrame(byte[] payload) {
		int header = (payload.length < 126) ? 2 : (payload.length < 65536) ? 4 : 10;
		byte[] frame = new byte[header + 4 + payload.length];
		frame[0] = (byte) 0x81;
		if (payload.length < 126) {
			frame[1] = (byte) (0x80 | payload.length);
		}
		else if (payload.length < 65536) {
			frame[1] = (byte) (0x80 | 126);
			frame[2] = (byte) (payload.length >>> 8);
			frame[3] = (byte) payload.length;
		}
		else {
			frame[1] = (byte) (0x80 | 127);
			for (int i = 0; i < 8; i++) {
				frame[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
			}
		}
		System.arraycopy(payload, 0, frame, header + 4, payload.length);
		return frame;
	}

	void reset() {
		this.length = 0;
		this.open = false;
	}

	/** Takes what the socket gave; hands on the end of the upgrade response, then each text frame. */
	void feed(byte[] bytes, int count, Lines lines) throws java.io.IOException {
		if (this.length + count > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.length + count));
		}
		System.arraycopy(bytes, 0, this.buffer, this.length, count);
		this.length += count;
		int position = 0;
		if (!this.open) {
			int end = indexOf(this.buffer, this.length, HEAD_END);
			if (end < 0) {
				return;
			}
			if (!new String(this.buffer, 0, Math.min(end, 12), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
				lines.closed("websocket-refused");
				return;
			}
			this.open = true;
			position = end + HEAD_END.length;
			lines.opened();
		}
		while (this.length - position >= 2) {
			int opcode = this.buffer[position] & 0x0f;
			long payload = this.buffer[position + 1] & 0x7f;
			int header = 2;
			if (payload == 126) {
				if (this.length - position < 4) {
					break;
				}
				payload = ((this.buffer[position + 2] & 0xff) << 8) | (this.buffer[position + 3] & 0xff);
				header = 4;
			}
			else if (payload == 127) {
				if (this.length - position < 10) {
					break;
				}
				payload = 0;
				for (int i = 0; i < 8; i++) {
					payload = (payload << 8) | (this.buffer[position + 2 + i] & 0xff);
				}
				header = 10;
			}
			if (this.length - position - header < payload) {
				break;
			}
			int start = position + header;
			int end = start + (int) payload;
			if (opcode == 0x8) {
				lines.closed("websocket-close");
				return;
			}
			if (opcode == 0x1) {
				lines.line(this.buffer, start, end);
			}
			position = end;
		}
		System.arraycopy(this.buffer, position, this.buffer, 0, this.length - position);
		this.length -= position;
	}

	private static int indexOf(byte[] bytes, int length, byte[] pattern) {
		outer: for (int i = 0; i <= length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (bytes[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
