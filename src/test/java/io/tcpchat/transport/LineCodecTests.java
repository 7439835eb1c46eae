package io.tcpchat.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.tcpchat.connection.InboundLine;

import org.junit.jupiter.api.Test;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LineCodecTests {

	private static final int MAX = 16;

	private final LineCodec codec = new LineCodec(MAX);

	@Test
	void splitsLinesAtLineFeed() throws IOException {
		InputStream in = stream("hello\nworld\n");

		assertThat(this.codec.deserialize(in)).isEqualTo(InboundLine.of("hello"));
		assertThat(this.codec.deserialize(in)).isEqualTo(InboundLine.of("world"));
	}

	@Test
	void dropsTheCarriageReturnOfCrLf() throws IOException {
		InputStream in = stream("hello\r\n\r\n");

		assertThat(this.codec.deserialize(in).text()).isEqualTo("hello");
		assertThat(this.codec.deserialize(in).text()).isEmpty();
	}

	@Test
	void acceptsALineOfExactlyTheMaximumLength() throws IOException {
		String max = "a".repeat(MAX);

		assertThat(this.codec.deserialize(stream(max + "\n"))).isEqualTo(InboundLine.of(max));
		assertThat(this.codec.deserialize(stream(max + "\r\n"))).isEqualTo(InboundLine.of(max));
	}

	@Test
	void discardsATooLongLineAndKeepsTheNextOneIntact() throws IOException {
		InputStream in = stream("a".repeat(MAX + 1) + "\n" + "b".repeat(MAX * 10) + "\nnext\n");

		assertThat(this.codec.deserialize(in).tooLong()).isTrue();
		assertThat(this.codec.deserialize(in).tooLong()).isTrue();
		assertThat(this.codec.deserialize(in)).isEqualTo(InboundLine.of("next"));
	}

	@Test
	void countsBytesNotCharacters() throws IOException {
		// 9 two-byte characters: 18 bytes, over a 16 byte limit
		assertThat(this.codec.deserialize(stream("é".repeat(9) + "\n")).tooLong()).isTrue();
		assertThat(this.codec.deserialize(stream("é".repeat(8) + "\n")).text()).isEqualTo("é".repeat(8));
	}

	@Test
	void replacesInvalidUtf8() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes("a".getBytes(StandardCharsets.UTF_8));
		bytes.write(0xff);
		bytes.write(0xc3); // a lead byte without its continuation
		bytes.writeBytes("b\n".getBytes(StandardCharsets.UTF_8));

		String text = this.codec.deserialize(new ByteArrayInputStream(bytes.toByteArray())).text();

		assertThat(text).startsWith("a\uFFFD").endsWith("\uFFFDb").doesNotContain("\u00ff");
	}

	@Test
	void removesControlCharactersAndTerminalEscapesButKeepsTabs() throws IOException {
		String line = "\u001b[31mred\u0007\ttab\u0000\u007f\u009bx\u0008";

		assertThat(new LineCodec(4096).deserialize(stream(line + "\n")).text()).isEqualTo("[31mred\ttabx");
	}

	@Test
	void keepsOrdinaryUnicode() throws IOException {
		assertThat(new LineCodec(4096).deserialize(stream("grüße 👋 日本\n")).text()).isEqualTo("grüße 👋 日本");
	}

	@Test
	void aLastLineWithoutLineFeedStillCountsThenTheStreamEnds() throws IOException {
		InputStream in = stream("unfinished");

		assertThat(this.codec.deserialize(in).text()).isEqualTo("unfinished");
		assertThatExceptionOfType(SoftEndOfStreamException.class).isThrownBy(() -> this.codec.deserialize(in));
	}

	@Test
	void endOfStreamBetweenLinesIsASoftEnd() throws IOException {
		InputStream in = stream("last\n");
		this.codec.deserialize(in);

		assertThatExceptionOfType(SoftEndOfStreamException.class).isThrownBy(() -> this.codec.deserialize(in));
	}

	@Test
	void writesFramesAsGiven() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		this.codec.serialize("line\n".getBytes(StandardCharsets.UTF_8), out);

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("line\n");
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
