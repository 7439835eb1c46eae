package io.tcpchat.auth;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserColorsTests {

	@Test
	void parsesHexIntoLowerCase() {
		assertThat(UserColors.parse("#E53935")).isEqualTo("#e53935");
		assertThat(UserColors.parse("  #3f7fe0 ")).isEqualTo("#3f7fe0");
	}

	@Test
	void parsesNamesIgnoringCase() {
		assertThat(UserColors.parse("Red")).isEqualTo(UserColors.parse("red")).matches("#[0-9a-f]{6}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "#fff", "e53935", "#e5393", "#e539355", "#gggggg", "rainbow" })
	void refusesWhatIsNeitherHexNorAName(String input) {
		assertInvalid(input).withMessageContaining("#rrggbb");
	}

	@Test
	void refusesNull() {
		assertInvalid(null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "#ffff00", "#ffffff", "#000080", "#000000", "#f0f0f0", "#101010" })
	void refusesColoursUnreadableOnADarkOrALightBackground(String hex) {
		assertThat(UserColors.isReadable(hex)).isFalse();
		assertInvalid(hex).withMessageContaining("unreadable");
	}

	@ParameterizedTest
	@ValueSource(strings = { "yellow", "white", "navy", "black" })
	void refusesUnreadableColourNames(String name) {
		assertInvalid(name);
	}

	@Test
	void everyNamedColourIsReadable() {
		List<String> names = namedColours();

		assertThat(names).contains("red", "green", "blue", "orange", "purple", "gray");
		for (String name : names) {
			assertThat(UserColors.isReadable(UserColors.parse(name))).as(name).isTrue();
		}
	}

	@Test
	void everyDefaultColourIsReadable() {
		List<String> defaults = IntStream.range(0, 2000).mapToObj(i -> UserColors.defaultFor("user" + i)).distinct()
			.toList();

		assertThat(defaults).hasSizeGreaterThan(5).allSatisfy(hex -> {
			assertThat(hex).matches("#[0-9a-f]{6}");
			assertThat(UserColors.isReadable(hex)).as(hex).isTrue();
		});
	}

	@Test
	void theDefaultColourDependsOnTheNameIgnoringCase() {
		assertThat(UserColors.defaultFor("Alice")).isEqualTo(UserColors.defaultFor("alice"));
	}

	/** The names as the refusal lists them, so a colour added later is checked too. */
	private static List<String> namedColours() {
		try {
			UserColors.parse("no-such-colour");
		}
		catch (ChatException ex) {
			String list = ex.getMessage().substring(ex.getMessage().indexOf("one of:") + "one of:".length());
			return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		}
		throw new AssertionError("an unknown colour name was accepted");
	}

	private static org.assertj.core.api.ThrowableAssertAlternative<ChatException> assertInvalid(String input) {
		return assertThatExceptionOfType(ChatException.class).isThrownBy(() -> UserColors.parse(input))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
	}

}
