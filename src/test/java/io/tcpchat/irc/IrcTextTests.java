package io.tcpchat.irc;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IrcTextTests {

	@Test
	void piecesNeverExceedTheLimitNorSplitACharacter() {
		String text = "a" + "é".repeat(300) + "👋".repeat(100) + "日本".repeat(50);

		List<String> pieces = IrcText.split(text, 101);

		assertThat(pieces).allSatisfy(piece -> assertThat(piece.getBytes(StandardCharsets.UTF_8).length)
			.isLessThanOrEqualTo(101));
		assertThat(String.join("", pieces)).isEqualTo(text);
	}

	@Test
	void aSpaceInTheSecondHalfIsWhereTextIsCut() {
		List<String> pieces = IrcText.split("hello wonderful world", 16);

		assertThat(pieces).containsExactly("hello wonderful", "world");
	}

	@Test
	void shortTextIsOnePiece() {
		assertThat(IrcText.split("hi", 400)).containsExactly("hi");
		assertThat(IrcText.split("", 400)).containsExactly("");
	}

	@Test
	void nicksFollowRfc2812() {
		assertThat(IrcText.isNick("alice_1")).isTrue();
		assertThat(IrcText.isNick("bob-the-builder")).isTrue();
		assertThat(IrcText.isNick("[away]")).isTrue();
		assertThat(IrcText.isNick("9lives")).isFalse();
		assertThat(IrcText.isNick("first.last")).isFalse();
		assertThat(IrcText.isNick("-dash")).isFalse();
	}

	@Test
	void channelsAreChatNamesBehindAHash() {
		assertThat(IrcText.channel("#Dev")).isEqualTo("dev");
		assertThat(IrcText.channel("dev")).isNull();
		assertThat(IrcText.channel("#")).isNull();
	}

	@Test
	void formattingCodesGoWithTheNumbersOfTheirColours() {
		assertThat(IrcText.withoutFormatting("\u0002bold\u0002 \u001ditalic\u001d \u001funder\u000f"))
			.isEqualTo("bold italic under");
		assertThat(IrcText.withoutFormatting("\u00034red \u000304,12on blue \u000399 \u0003back"))
			.isEqualTo("red on blue  back");
		// a comma not followed by a digit is text; a third digit is text
		assertThat(IrcText.withoutFormatting("\u000304,x \u0003123")).isEqualTo(",x 3");
		assertThat(IrcText.withoutFormatting("\u0004FF0000,00ff00hex \u0004nothex")).isEqualTo("hex nothex");
	}

	@Test
	void textWithoutFormattingIsReturnedAsItIs() {
		String text = "plain \u0001ACTION text\u0001";

		assertThat(IrcText.withoutFormatting(text)).isSameAs(text);
	}

}
