package io.tcpchat.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatTextTests {

	@Test
	void aTextNeverBecomesSeveralLines() {
		assertThat(ChatText.clean("x\n12:00:00 [#general] bob: fake")).isEqualTo("x 12:00:00 [#general] bob: fake");
		assertThat(ChatText.clean("a\r\nb\rc\u0085d\u2028e\u2029f\u000bg\u000ch\ti")).isEqualTo("a  b c d e f g h i");
	}

	@Test
	void controlCharactersAndThusEscapeSequencesAreRemoved() {
		String cleaned = ChatText.clean("fake\u001b]0;PWNED\u0007 \u001b[2J\u001b[31mred\u009b1m\u007f\u0000");

		assertThat(cleaned).isEqualTo("fake]0;PWNED [2J[31mred1m");
		assertThat(cleaned.chars()).noneMatch(c -> c < 0x20 || (c >= 0x7f && c < 0xa0));
	}

	@Test
	void bidiOverridesAndIsolatesAreRemoved() {
		assertThat(ChatText.clean("a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j"))
			.isEqualTo("abcdefghij");
	}

	@Test
	void longBlankRunsShrinkSoPaddingCannotWrapAFakeLineOntoItsOwnRow() {
		String padded = "hi" + " ".repeat(200) + "12:00:00 [#general] bob: fake";
		assertThat(ChatText.clean(padded)).isEqualTo("hi    12:00:00 [#general] bob: fake");
		assertThat(ChatText.clean("a\u00a0\u3000\u2003\u3164\u2800\u200b \u200b \u200b b")).isEqualTo("a    b");
		assertThat(ChatText.clean("a   b")).isEqualTo("a   b");
	}

	@Test
	void visibleTextKeepsItsJoinersAndMarks() {
		String family = "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67";
		assertThat(ChatText.clean(family)).isEqualTo(family);
		assertThat(ChatText.clean("cafe\u0301 \u2764\ufe0f")).isEqualTo("cafe\u0301 \u2764\ufe0f");
		assertThat(ChatText.clean("  trimmed  ")).isEqualTo("trimmed");
	}

	@Test
	void loneSurrogatesBecomeReplacementCharacters() {
		assertThat(ChatText.clean("a\ud800b\udc00")).isEqualTo("a\ufffdb\ufffd");
	}

	@Test
	void onlyTextWithAVisibleCharacterCounts() {
		assertThat(ChatText.hasVisible("\u200b")).isFalse();
		assertThat(ChatText.hasVisible(" \u3164\u2800\ufeff\u2060 \u0301")).isFalse();
		assertThat(ChatText.hasVisible("\u202e\u0007\n")).isFalse();
		assertThat(ChatText.hasVisible(null)).isFalse();
		assertThat(ChatText.hasVisible("\u200b.")).isTrue();
		assertThat(ChatText.hasVisible("\ud83d\ude00")).isTrue();
	}

}
