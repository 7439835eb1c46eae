package io.tcpchat.auth;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsernamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "bob", "Alice_99", "a.b-c", "___", "abcdefghijklmnopqrstuvwxyz012345" })
	void acceptsThreeToThirtyTwoOfTheAllowedCharacters(String name) {
		assertThat(Usernames.isValid(name)).isTrue();
		assertThat(Usernames.requireValid(name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ab", "abcdefghijklmnopqrstuvwxyz0123456", "bob smith", "bob!", "bøb", "#bob",
			"//bob", "bob\t" })
	void refusesOtherNames(String name) {
		assertThat(Usernames.isValid(name)).isFalse();
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> Usernames.requireValid(name))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
	}

	@Test
	void refusesNull() {
		assertThat(Usernames.isValid(null)).isFalse();
	}

	@Test
	void namesAreTheSameIgnoringCase() {
		assertThat(Usernames.key("Alice")).isEqualTo(Usernames.key("aLICE")).isEqualTo("alice");
	}

	@Test
	void caseFoldingDoesNotDependOnTheDefaultLocale() {
		java.util.Locale previous = java.util.Locale.getDefault();
		java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
		try {
			assertThat(Usernames.key("TIM")).isEqualTo("tim");
		}
		finally {
			java.util.Locale.setDefault(previous);
		}
	}

}
