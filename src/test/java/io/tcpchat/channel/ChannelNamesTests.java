package io.tcpchat.channel;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ChannelNamesTests {

	@Test
	void aLeadingHashIsIgnored() {
		assertThat(ChannelNames.normalize("#random")).isEqualTo("random");
		assertThat(ChannelNames.normalize("random")).isEqualTo("random");
	}

	@Test
	void namesAreLowerCased() {
		assertThat(ChannelNames.normalize("#Dev-Ops_2")).isEqualTo("dev-ops_2");
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(ChannelNames.normalize("  #x ")).isEqualTo("x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "general", "team-2_b" })
	void acceptsOneToFiftyOfTheAllowedCharacters(String name) {
		assertThat(ChannelNames.normalize(name)).isEqualTo(name);
	}

	@Test
	void acceptsFiftyCharacters() {
		assertThat(ChannelNames.normalize("x".repeat(50))).hasSize(50);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "#", "##general", "with space", "dots.not.allowed", "ünï" })
	void refusesOtherNames(String name) {
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> ChannelNames.normalize(name))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
	}

	@Test
	void refusesFiftyOneCharacters() {
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> ChannelNames.normalize("x".repeat(51)));
	}

	@Test
	void onlyAHashMarksAChannelTarget() {
		assertThat(ChannelNames.looksLikeChannel("#room")).isTrue();
		assertThat(ChannelNames.looksLikeChannel("room")).isFalse();
		assertThat(ChannelNames.looksLikeChannel(null)).isFalse();
	}

}
