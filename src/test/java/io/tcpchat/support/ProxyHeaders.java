package io.tcpchat.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** PROXY protocol headers as a proxy writes them, for tests that play the proxy. */
public final class ProxyHeaders {

	private static final byte[] V2_SIGNATURE = { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54,
			0x0A };

	private ProxyHeaders() {
	}

	/** A v1 header for a TCP4 client. */
	public static byte[] v1(String client, int clientPort) {
		return ("PROXY TCP4 " + client + " 10.0.0.1 " + clientPort + " 7777\r\n").getBytes(StandardCharsets.US_ASCII);
	}

	/** A v2 PROXY header for a TCP client over IPv4 or IPv6, with a TLV (as HAProxy sends for ALPN) to skip. */
	public static byte[] v2(String client, int clientPort) {
		byte[] source = address(client);
		byte[] destination = new byte[source.length];
		byte[] tlv = { 0x01, 0x00, 0x02, 'h', '2' };
		int length = 2 * source.length + 4 + tlv.length;
		ByteBuffer buffer = ByteBuffer.allocate(16 + length)
			.put(V2_SIGNATURE)
			.put((byte) 0x21)
			.put((byte) ((source.length == 4) ? 0x11 : 0x21))
			.putShort((short) length)
			.put(source)
			.put(destination)
			.putShort((short) clientPort)
			.putShort((short) 7777)
			.put(tlv);
		return buffer.array();
	}

	/** A v2 LOCAL header: the proxy's own connection, such as a health check. */
	public static byte[] v2Local() {
		return ByteBuffer.allocate(16).put(V2_SIGNATURE).put((byte) 0x20).put((byte) 0).putShort((short) 0).array();
	}

	private static byte[] address(String literal) {
		try {
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
