package io.tcpchat.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.tcpchat.connection.InboundLine;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import org.springframework.integration.ip.tcp.serializer.SoftEndOfStreamException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bytes through the codec: it only ever yields clean lines, too-long markers, or a clean end of stream.
 */
class LineCodecFuzzTests {

	private static final int MAX = 256;

	private final LineCodec codec = new LineCodec(MAX);

	@RepeatedTest(300)
	void randomInputYieldsOnlyCleanLines(RepetitionInfo repetition) throws IOException {
		Random random = new Random(repetition.getCurrentRepetition());
		byte[] input = randomBytes(random, random.nextInt(4 * MAX));
		ByteArrayInputStream in = new ByteArrayInputStream(input);
		int lines = 0;
		while (true) {
			InboundLine line;
			try {
				line = this.codec.deserialize(in);
			}
			catch (SoftEndOfStreamException end) {
				break;
			}
			lines++;
			assertThat(line.text().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(3 * MAX);
			assertThat(line.text().chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)).isTrue();
			if (line.tooLong()) {
				assertThat(line.text()).isEmpty();
			}
		}
		assertThat(lines).isLessThanOrEqualTo(countNewlines(input) + 1);
	}

	static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			int kind = random.nextInt(10);
			bytes[i] = (byte) switch (kind) {
				case 0 -> '\n';
				case 1 -> '\r';
				case 2 -> 0;
				case 3 -> 0xff;
				case 4 -> 0xc3;
				case 5 -> 0x1b;
				default -> 0x20 + random.nextInt(0x5f);
			};
		}
		return bytes;
	}

	private static int countNewlines(byte[] bytes) {
		int count = 0;
		for (byte b : bytes) {
			if (b == '\n') {
				count++;
			}
		}
		return count;
	}

}
