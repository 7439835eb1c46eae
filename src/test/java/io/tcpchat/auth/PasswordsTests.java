package io.tcpchat.auth;

import io.tcpchat.error.ChatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PasswordsTests {

	@ParameterizedTest
	@ValueSource(strings = { "password", "12345678", "Password1", "QWERTYUIOP", "iloveyou", "sunshine", "baseball" })
	void theMostCommonPasswordsAreRefusedIgnoringCase(String common) {
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> Passwords.requireAcceptable(common))
			.withMessageContaining("most common");
	}

	@Test
	void theShippedListHasThousandsOfEntries() {
		assertThat(Passwords.isCommon("1qaz2wsx")).isTrue();
		assertThat(Passwords.isCommon("13101988")).isTrue();
		assertThat(Passwords.isCommon("correct horse battery")).isFalse();
	}

	@Test
	void surroundingSpacesAreRemovedBeforeTheChecks() {
		assertThat(Passwords.requireAcceptable("  tiger-lily-42 \t")).isEqualTo("tiger-lily-42");
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> Passwords.requireAcceptable("   short   "))
			.withMessageContaining("at least 8");
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> Passwords.requireAcceptable(" password "))
			.withMessageContaining("most common");
	}

	@Test
	void lengthLimitsHold() {
		assertThat(Passwords.requireAcceptable("x".repeat(7) + "y")).hasSize(8);
		assertThatExceptionOfType(ChatException.class)
			.isThrownBy(() -> Passwords.requireAcceptable("xy".repeat(64) + "z"))
			.withMessageContaining("at most 128");
	}

}
