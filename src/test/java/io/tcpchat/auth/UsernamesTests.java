package io.tcpchat.auth;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UsernamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "bob", "Alice_99", "a-b_c", "abcdefghijklmnopqrstuvwxyz012345" })
	void newNamesAreALetterThenLettersDigitsUnderscoresAndDashes(String name) {
		assertThat(Usernames.isValidNew(name)).isTrue();
		assertThat(Usernames.requireValidNew(name)).isEqualTo(name);
		assertThat(Usernames.isValid(name)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a.b-c", "___", "_bob", "-bob", "9lives", "b.o.b" })
	void namesOfTheOlderRuleStillNameAccountsButCannotBeRegistered(String name) {
		assertThat(Usernames.isValid(name)).isTrue();
		assertThat(Usernames.isValidNew(name)).isFalse();
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> Usernames.requireValidNew(name))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "ab", "abcdefghijklmnopqrstuvwxyz0123456", "bob smith", "bob!", "bøb", "#bob",
			"//bob", "bob\t" })
	void refusesOtherNames(String name) {
		assertThat(Usernames.isValid(name)).isFalse();
		assertThat(Usernames.isValidNew(name)).isFalse();
	}

	@Test
	void refusesNull() {
		assertThat(Usernames.isValid(null)).isFalse();
		assertThat(Usernames.isValidNew(null)).isFalse();
	}

	@Test
	void namesAreTheSameIgnoringCase() {
		assertThat(Usernames.key("Alice")).isEqualTo(Usernames.key("aLICE")).isEqualTo("alice");
	}

	@ParameterizedTest
	@CsvSource({ "alice, aIice", "bob0, bobO", "bob0, boBo", "l33t, I33t", "l33t, 133t",
			"marie, rnarie", "wendy, vvendy", "will, wiIl" })
	void namesThatLookAlikeHaveOneSkeleton(String name, String lookAlike) {
		assertThat(Usernames.skeleton(lookAlike)).isEqualTo(Usernames.skeleton(name));
	}

	@ParameterizedTest
	@CsvSource({ "alice, alicia", "bob, rob", "ann, anne", "mia, nia", "vera, wera" })
	void namesThatLookDifferentHaveDifferentSkeletons(String name, String other) {
		assertThat(Usernames.skeleton(other)).isNotEqualTo(Usernames.skeleton(name));
	}

	@Test
	void caseFoldingDoesNotDependOnTheDefaultLocale() {
		java.util.Locale previous = java.util.Locale.getDefault();
		java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
		try {
			assertThat(Usernames.key("TIM")).isEqualTo("tim");
			assertThat(Usernames.skeleton("TIM")).isEqualTo("tlm");
		}
		finally {
			java.util.Locale.setDefault(previous);
		}
	}

}
