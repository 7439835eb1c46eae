package io.tcpchat.transport.proxy;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.tcpchat.transport.proxy.ProxyHeaderDecoder.Status;
import io.tcpchat.transport.proxy.ProxyHeaderException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProxyHeaderDecoderTests {

	private final ProxyHeaderDecoder decoder = new ProxyHeaderDecoder();

	@Test
	void readsAV1HeaderAndLeavesTheDataAfterIt() throws Exception {
		ByteBuffer buffer = ascii("PROXY TCP4 203.0.113.7 10.0.0.5 51234 7777\r\nhello\n");

		assertThat(this.decoder.feed(buffer)).isEqualTo(Status.DONE);

		assertThat(this.decoder.header()).isEqualTo(new ProxyHeader(1, InetAddress.getByName("203.0.113.7"), 51234));
		assertThat(rest(buffer)).isEqualTo("hello\n");
	}

	@Test
	void readsAV1Tcp6Header() throws Exception {
		assertThat(this.decoder.feed(ascii("PROXY TCP6 2001:db8::1 2001:db8::2 40000 7777\r\n"))).isEqualTo(Status.DONE);

		assertThat(this.decoder.header().source()).isEqualTo(InetAddress.getByName("2001:db8::1"));
	}

	@Test
	void readsAHeaderThatArrivesByteByByte() throws Exception {
		byte[] header = "PROXY TCP4 198.51.100.1 10.0.0.5 1 7777\r\n".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < header.length - 1; i++) {
			assertThat(this.decoder.feed(ByteBuffer.wrap(header, i, 1))).isEqualTo(Status.NEED_MORE);
		}

		assertThat(this.decoder.feed(ByteBuffer.wrap(header, header.length - 1, 1))).isEqualTo(Status.DONE);
		assertThat(this.decoder.header().source().getHostAddress()).isEqualTo("198.51.100.1");
	}

	@Test
	void v1UnknownMeansTheSocketAddress() throws Exception {
		assertThat(this.decoder.feed(ascii("PROXY UNKNOWN\r\n"))).isEqualTo(Status.DONE);

		assertThat(this.decoder.header().hasSource()).isFalse();
	}

	@Test
	void somethingElseIsNotAHeaderAndGivesBackWhatItTook() throws Exception {
		assertThat(this.decoder.feed(ascii("PRO"))).isEqualTo(Status.NEED_MORE);
		ByteBuffer next = ascii("FILE\n");

		assertThat(this.decoder.feed(next)).isEqualTo(Status.NOT_A_HEADER);

		assertThat(StandardCharsets.US_ASCII.decode(this.decoder.notAHeader()).toString()).isEqualTo("PRO");
		assertThat(rest(next)).isEqualTo("FILE\n");
	}

	@Test
	void aTlsClientHelloIsNotAHeaderAtItsFirstByte() throws Exception {
		ByteBuffer hello = ByteBuffer.wrap(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00 });

		assertThat(this.decoder.feed(hello)).isEqualTo(Status.NOT_A_HEADER);

		assertThat(hello.position()).isZero();
		assertThat(this.decoder.notAHeader().hasRemaining()).isFalse();
	}

	@Test
	void aV1HeaderLongerThan107BytesIsOversized() {
		String tooLong = "PROXY TCP4 " + "1".repeat(100) + "\r\n";

		assertRefused(ascii(tooLong), Reason.OVERSIZED);
	}

	@Test
	void malformedV1HeadersAreRefused() {
		assertRefused(ascii("PROXY TCP4 203.0.113.7 10.0.0.5 51234 7777\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY TCP4 203.0.113.256 10.0.0.5 51234 7777\r\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY TCP4 example.com 10.0.0.5 51234 7777\r\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY TCP4 2001:db8::1 10.0.0.5 51234 7777\r\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY TCP6 203.0.113.7 2001:db8::2 51234 7777\r\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY TCP4 203.0.113.7 10.0.0.5 65536 7777\r\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY TCP4 203.0.113.7 10.0.0.5 51234\r\n"), Reason.MALFORMED);
		assertRefused(ascii("PROXY UDP4 203.0.113.7 10.0.0.5 51234 7777\r\n"), Reason.MALFORMED);
	}

	@Test
	void readsAV2Ipv4HeaderAndSkipsItsTlvs() throws Exception {
		byte[] tlvs = { 0x04, 0x00, 0x03, 'a', 'b', 'c', 0x01, 0x00, 0x02, 'h', '2' };
		ByteBuffer buffer = ByteBuffer.wrap(concat(v2(0x21, 0x11, ipv4("192.0.2.9", "10.0.0.5", 4242, 7777), tlvs),
				"data".getBytes(StandardCharsets.US_ASCII)));

		assertThat(this.decoder.feed(buffer)).isEqualTo(Status.DONE);

		assertThat(this.decoder.header()).isEqualTo(new ProxyHeader(2, InetAddress.getByName("192.0.2.9"), 4242));
		assertThat(rest(buffer)).isEqualTo("data");
	}

	@Test
	void readsAV2Ipv6HeaderInPieces() throws Exception {
		byte[] header = v2(0x21, 0x21, ipv6("2001:db8::7", "2001:db8::1", 5000, 7778), new byte[300]);
		int at = 0;
		Status status = Status.NEED_MORE;
		while (at < header.length) {
			int length = Math.min(7, header.length - at);
			status = this.decoder.feed(ByteBuffer.wrap(header, at, length));
			at += length;
		}

		assertThat(status).isEqualTo(Status.DONE);
		assertThat(this.decoder.header().source()).isEqualTo(InetAddress.getByName("2001:db8::7"));
	}

	@Test
	void aV2LocalCommandMeansTheSocketAddress() throws Exception {
		assertThat(this.decoder.feed(ByteBuffer.wrap(v2(0x20, 0x00, new byte[0], new byte[0])))).isEqualTo(Status.DONE);

		assertThat(this.decoder.header()).isEqualTo(new ProxyHeader(2, null, 0));
	}

	@Test
	void aV2UnixAddressMeansTheSocketAddress() throws Exception {
		assertThat(this.decoder.feed(ByteBuffer.wrap(v2(0x21, 0x31, new byte[216], new byte[0]))))
			.isEqualTo(Status.DONE);

		assertThat(this.decoder.header().hasSource()).isFalse();
	}

	@Test
	void badV2HeadersAreRefused() {
		byte[] addresses = ipv4("192.0.2.9", "10.0.0.5", 1, 2);
		assertRefused(ByteBuffer.wrap(v2(0x11, 0x11, addresses, new byte[0])), Reason.MALFORMED);
		assertRefused(ByteBuffer.wrap(v2(0x22, 0x11, addresses, new byte[0])), Reason.MALFORMED);
		assertRefused(ByteBuffer.wrap(v2(0x21, 0x12, addresses, new byte[0])), Reason.MALFORMED);
		assertRefused(ByteBuffer.wrap(v2(0x21, 0x21, addresses, new byte[0])), Reason.MALFORMED);
		assertRefused(ByteBuffer.wrap(v2(0x21, 0x41, new byte[0], new byte[0])), Reason.MALFORMED);
		assertRefused(ByteBuffer.wrap(v2(0x21, 0x11, addresses, new byte[ProxyHeaderDecoder.V2_MAX_LENGTH])),
				Reason.OVERSIZED);
	}

	private void assertRefused(ByteBuffer buffer, Reason reason) {
		assertThatExceptionOfType(ProxyHeaderException.class).isThrownBy(() -> new ProxyHeaderDecoder().feed(buffer))
			.satisfies(ex -> assertThat(ex.reason()).isEqualTo(reason));
	}

	/** A v2 header: signature, version/command, family/protocol, length, addresses and TLVs. */
	static byte[] v2(int versionCommand, int familyProtocol, byte[] addresses, byte[] tlvs) {
		int length = addresses.length + tlvs.length;
		ByteBuffer buffer = ByteBuffer.allocate(16 + length);
		buffer.put(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A });
		buffer.put((byte) versionCommand).put((byte) familyProtocol).putShort((short) length);
		buffer.put(addresses).put(tlvs);
		return buffer.array();
	}

	static byte[] ipv4(String source, String destination, int sourcePort, int destinationPort) {
		return addresses(source, destination, sourcePort, destinationPort, 12);
	}

	static byte[] ipv6(String source, String destination, int sourcePort, int destinationPort) {
		return addresses(source, destination, sourcePort, destinationPort, 36);
	}

	private static byte[] addresses(String source, String destination, int sourcePort, int destinationPort,
			int size) {
		try {
			return ByteBuffer.allocate(size)
				.put(InetAddress.getByName(source).getAddress())
				.put(InetAddress.getByName(destination).getAddress())
				.putShort((short) sourcePort)
				.putShort((short) destinationPort)
				.array();
		}
		catch (java.net.UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static ByteBuffer ascii(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static String rest(ByteBuffer buffer) {
		return StandardCharsets.US_ASCII.decode(buffer).toString();
	}

}
