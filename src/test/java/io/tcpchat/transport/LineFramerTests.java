package io.tcpchat.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.tcpchat.connection.InboundLine;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineFramerTests {

	private static final int MAX = 16;

	private final LineFramer framer = new LineFramer(MAX);

	private final List<InboundLine> lines = new ArrayList<>();

	@Test
	void handsOverEveryCompleteLineOfARead() {
		feed("hello\r\nworld\n");

		assertThat(this.lines).containsExactly(InboundLine.of("hello"), InboundLine.of("world"));
		assertThat(this.framer.heldBytes()).isZero();
	}

	@Test
	void keepsOnlyTheIncompleteLineBetweenReads() {
		feed("one\ntw");
		assertThat(this.lines).containsExactly(InboundLine.of("one"));
		assertThat(this.framer.heldBytes()).isPositive();

		feed("o\n");

		assertThat(this.lines).containsExactly(InboundLine.of("one"), InboundLine.of("two"));
		assertThat(this.framer.heldBytes()).isZero();
	}

	@Test
	void aUtf8CharacterSplitAcrossReadsArrivesWhole() {
		byte[] bytes = "caf\u00e9\n".getBytes(StandardCharsets.UTF_8);

		this.framer.feed(ByteBuffer.wrap(bytes, 0, 4), this.lines::add);
		this.framer.feed(ByteBuffer.wrap(bytes, 4, bytes.length - 4).slice(), this.lines::add);

		assertThat(this.lines).containsExactly(InboundLine.of("caf\u00e9"));
	}

	@Test
	void aTooLongLineIsDiscardedAcrossReadsAndTheNextArrivesIntact() {
		feed("a".repeat(MAX));
		feed("a".repeat(MAX * 10));
		feed("\nnext\n");

		assertThat(this.lines).containsExactly(InboundLine.TOO_LONG, InboundLine.of("next"));
		assertThat(this.framer.heldBytes()).isZero();
	}

	@Test
	void aLineOfExactlyTheMaximumWithCrLfSplitAtTheCrIsAccepted() {
		String max = "b".repeat(MAX);

		feed(max + "\r");
		feed("\n");

		assertThat(this.lines).containsExactly(InboundLine.of(max));
	}

	@Test
	void theLastLineWithoutLineFeedCountsAtTheEnd() {
		feed("bye");

		assertThat(this.framer.finish()).isEqualTo(InboundLine.of("bye"));
		assertThat(this.framer.finish()).isNull();
	}

	@Test
	void controlCharactersAreRemovedAsByTheCodec() {
		feed("a\u001b]0;x\u0007b\n");

		assertThat(this.lines).containsExactly(InboundLine.of("a]0;xb"));
	}

	private void feed(String text) {
		this.framer.feed(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), this.lines::add);
	}

}
