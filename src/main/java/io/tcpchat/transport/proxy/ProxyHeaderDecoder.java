package io.tcpchat.transport.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Reads one PROXY protocol header (HAProxy's {@code doc/proxy-protocol.txt}, version 1 text or version 2 binary)
 * from the first bytes of a connection, fed as they arrive in buffers the caller shares between connections.
 * <p>
 * It takes only the bytes of the header from a buffer and leaves the rest there. It keeps at most
 * {@link #HELD_BYTES} bytes between reads: the v1 line (107 bytes at most), or the v2 fixed part and its address
 * block; v2 TLVs and unix socket addresses are counted off, never stored. If the first bytes turn out not to be a
 * header, {@link #notAHeader()} gives back the few bytes already taken.
 */
public final class ProxyHeaderDecoder {

	/** The longest v1 header, CRLF included (the spec's figure). */
	static final int V1_MAX_BYTES = 107;

	/** The most bytes after the 16-byte v2 fixed part: address block plus TLVs. */
	static final int V2_MAX_LENGTH = 2048;

	static final int HELD_BYTES = V1_MAX_BYTES + 1;

	private static final byte[] V1_SIGNATURE = "PROXY ".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] V2_SIGNATURE = { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54,
			0x0A };

	private static final int V2_FIXED_BYTES = 16;

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private static final Pattern PORT = Pattern.compile("0|[1-9]\\d{0,4}");

	/** What {@link #feed} found so far. */
	public enum Status {

		/** Not enough bytes yet to tell or to finish the header. */
		NEED_MORE,
		/** The connection does not start with a PROXY header; see {@link #notAHeader()}. */
		NOT_A_HEADER,
		/** The header is read; see {@link #header()}. */
		DONE

	}

	private byte[] held;

	private int heldLength;

	/** 1 or 2 once the signature is complete; 0 before. */
	private int version;

	/** v2: bytes still to skip after the part held (TLVs, unix addresses). */
	private int toSkip;

	private Status status = Status.NEED_MORE;

	private ProxyHeader header;

	/**
	 * Takes the header's bytes from {@code buffer} (from its position), as far as they go.
	 * @throws ProxyHeaderException for a malformed or oversized header
	 */
	public Status feed(ByteBuffer buffer) throws ProxyHeaderException {
		while (this.status == Status.NEED_MORE && buffer.hasRemaining()) {
			if (this.version == 0) {
				matchSignature(buffer);
			}
			else if (this.version == 1) {
				readV1(buffer);
			}
			else {
				readV2(buffer);
			}
		}
		return this.status;
	}

	/** 1 or 2 once a header's signature has been seen (the rest may still be missing), else 0. */
	public int version() {
		return this.version;
	}

	/** Whether any byte has been taken yet. */
	public boolean started() {
		return this.heldLength > 0 || this.version != 0;
	}

	public ProxyHeader header() {
		return this.header;
	}

	/** After {@link Status#NOT_A_HEADER}: the bytes taken before that was clear, to be read as data. */
	public ByteBuffer notAHeader() {
		return ByteBuffer.wrap((this.held != null) ? this.held : new byte[0], 0, this.heldLength);
	}

	/** Compares byte by byte with both signatures, so that a non-header is recognised at its first odd byte. */
	private void matchSignature(ByteBuffer buffer) {
		byte next = buffer.get(buffer.position());
		int at = this.heldLength;
		boolean v1 = at < V1_SIGNATURE.length && (at == 0 || this.held[0] == 'P') && V1_SIGNATURE[at] == next;
		boolean v2 = at < V2_SIGNATURE.length && (at == 0 || this.held[0] == 0x0D) && V2_SIGNATURE[at] == next;
		if (!v1 && !v2) {
			this.status = Status.NOT_A_HEADER;
			return;
		}
		hold(buffer.get());
		if (v1 && this.heldLength == V1_SIGNATURE.length) {
			this.version = 1;
		}
		else if (v2 && this.heldLength == V2_SIGNATURE.length) {
			this.version = 2;
		}
	}

	private void readV1(ByteBuffer buffer) throws ProxyHeaderException {
		byte next = buffer.get();
		if (next == '\n') {
			if (this.held[this.heldLength - 1] != '\r') {
				throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED, "v1 header without CRLF");
			}
			finish(parseV1(new String(this.held, 0, this.heldLength - 1, StandardCharsets.US_ASCII)));
			return;
		}
		if (this.heldLength >= V1_MAX_BYTES - 1) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.OVERSIZED,
					"v1 header longer than " + V1_MAX_BYTES + " bytes");
		}
		hold(next);
	}

	/** {@code PROXY TCP4|TCP6 source destination sourcePort destinationPort}, or {@code PROXY UNKNOWN ...}. */
	static ProxyHeader parseV1(String line) throws ProxyHeaderException {
		String[] parts = line.split(" ", -1);
		if (parts.length >= 2 && parts[1].equals("UNKNOWN")) {
			return ProxyHeader.local(1);
		}
		if (parts.length != 6 || !(parts[1].equals("TCP4") || parts[1].equals("TCP6"))) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED, "v1 header is not TCP4/TCP6");
		}
		boolean ipv4 = parts[1].equals("TCP4");
		InetAddress source = parseAddress(parts[2], ipv4);
		parseAddress(parts[3], ipv4);
		int sourcePort = parsePort(parts[4]);
		parsePort(parts[5]);
		return new ProxyHeader(1, source, sourcePort);
	}

	private static InetAddress parseAddress(String text, boolean ipv4) throws ProxyHeaderException {
		boolean wellFormed = ipv4 ? IPV4.matcher(text).matches()
				: IPV6_CHARACTERS.matcher(text).matches() && text.contains(":");
		if (wellFormed) {
			try {
				// literals only: a bracketed IPv6 text is never looked up in DNS, nor is a dotted quad
				return InetAddress.getByName(ipv4 ? text : "[" + text + "]");
			}
			catch (UnknownHostException ex) {
				// fall through
			}
		}
		throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED,
				"v1 header with a bad " + (ipv4 ? "IPv4" : "IPv6") + " address");
	}

	private static int parsePort(String text) throws ProxyHeaderException {
		if (PORT.matcher(text).matches()) {
			int port = Integer.parseInt(text);
			if (port <= 65535) {
				return port;
			}
		}
		throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED, "v1 header with a bad port");
	}

	private void readV2(ByteBuffer buffer) throws ProxyHeaderException {
		if (this.heldLength < V2_FIXED_BYTES) {
			hold(buffer.get());
			if (this.heldLength == V2_FIXED_BYTES) {
				startV2Body();
			}
			return;
		}
		if (this.heldLength < V2_FIXED_BYTES + addressBytes()) {
			hold(buffer.get());
		}
		else {
			int skipped = Math.min(this.toSkip, buffer.remaining());
			buffer.position(buffer.position() + skipped);
			this.toSkip -= skipped;
		}
		if (this.heldLength == V2_FIXED_BYTES + addressBytes() && this.toSkip == 0) {
			finish(parseV2Addresses());
		}
	}

	/** Checks the version, command, family and length; what of the body is held, the rest skipped. */
	private void startV2Body() throws ProxyHeaderException {
		int versionCommand = this.held[12] & 0xFF;
		if ((versionCommand >> 4) != 2 || (versionCommand & 0x0F) > 1) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED,
					"v2 header with version/command 0x" + Integer.toHexString(versionCommand));
		}
		int familyProtocol = this.held[13] & 0xFF;
		int protocol = familyProtocol & 0x0F;
		if (protocol > 1 && !isLocal()) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED,
					"v2 header for a datagram protocol on a stream");
		}
		int length = ((this.held[14] & 0xFF) << 8) | (this.held[15] & 0xFF);
		if (length > V2_MAX_LENGTH) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.OVERSIZED,
					"v2 header of " + length + " bytes, more than " + V2_MAX_LENGTH);
		}
		int addresses = addressBytes();
		if (length < addresses) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED,
					"v2 header shorter than its address block");
		}
		this.toSkip = length - addresses;
		if (addresses == 0 && this.toSkip == 0) {
			finish(parseV2Addresses());
		}
	}

	private boolean isLocal() {
		return (this.held[12] & 0x0F) == 0;
	}

	/** The bytes of the address block kept: IPv4 and IPv6 of a PROXY command; nothing for LOCAL, UNSPEC, unix. */
	private int addressBytes() {
		if (isLocal()) {
			return 0;
		}
		return switch ((this.held[13] & 0xFF) >> 4) {
			case 1 -> 12;
			case 2 -> 36;
			default -> 0;
		};
	}

	private ProxyHeader parseV2Addresses() throws ProxyHeaderException {
		int family = (this.held[13] & 0xFF) >> 4;
		if (isLocal() || family == 0 || family == 3) {
			return ProxyHeader.local(2);
		}
		if (family > 3) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED,
					"v2 header with address family " + family);
		}
		int addressLength = (family == 1) ? 4 : 16;
		try {
			InetAddress source = InetAddress.getByAddress(Arrays.copyOfRange(this.held, V2_FIXED_BYTES,
					V2_FIXED_BYTES + addressLength));
			int portAt = V2_FIXED_BYTES + 2 * addressLength;
			int sourcePort = ((this.held[portAt] & 0xFF) << 8) | (this.held[portAt + 1] & 0xFF);
			return new ProxyHeader(2, source, sourcePort);
		}
		catch (UnknownHostException ex) {
			throw new ProxyHeaderException(ProxyHeaderException.Reason.MALFORMED, "v2 header with a bad address");
		}
	}

	private void finish(ProxyHeader header) {
		this.header = header;
		this.status = Status.DONE;
		this.held = null;
		this.heldLength = 0;
	}

	private void hold(byte b) {
		if (this.held == null) {
			this.held = new byte[HELD_BYTES];
		}
		this.held[this.heldLength++] = b;
	}

}
