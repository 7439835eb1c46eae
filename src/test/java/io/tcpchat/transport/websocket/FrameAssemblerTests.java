package io.tcpchat.transport.websocket;

import io.tcpchat.connection.InboundLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameAssemblerTests {

	private final FrameAssembler assembler = new FrameAssembler(10);

	@Test
	void aWholeFrameIsOneCleanedLine() {
		assertThat(this.assembler.append("hi\u001b[1m\n", true)).isEqualTo(InboundLine.of("hi[1m"));
	}

	@Test
	void partsAreJoinedUntilTheLastOne() {
		assertThat(this.assembler.append("abc", false)).isNull();
		assertThat(this.assembler.append("def", false)).isNull();
		assertThat(this.assembler.append("g", true)).isEqualTo(InboundLine.of("abcdefg"));
		assertThat(this.assembler.append("next", true)).isEqualTo(InboundLine.of("next"));
	}

	@Test
	void theLimitCountsUtf8BytesNotCharacters() {
		assertThat(this.assembler.append("ééééé", true)).isEqualTo(InboundLine.of("ééééé"));
		assertThat(this.assembler.append("éééééé", true)).isEqualTo(InboundLine.TOO_LONG);
		assertThat(this.assembler.append("\uD83D\uDE00\uD83D\uDE00x", true).tooLong()).isFalse();
		assertThat(this.assembler.append("\uD83D\uDE00\uD83D\uDE00xyz", true)).isEqualTo(InboundLine.TOO_LONG);
	}

	@Test
	void aLongFrameIsDroppedPartByPartAndTheNextFrameIsFine() {
		assertThat(this.assembler.append("0123456789", false)).isNull();
		assertThat(this.assembler.append("0123456789", false)).isNull();
		assertThat(this.assembler.append("x", true)).isEqualTo(InboundLine.TOO_LONG);
		assertThat(this.assembler.append("0123456789", true)).isEqualTo(InboundLine.of("0123456789"));
	}

}
