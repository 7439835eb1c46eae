package io.tcpchat.command;

import java.util.List;

import io.tcpchat.error.ChatException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ArgumentsTests {

	@Test
	void onOffReadsEitherWordInAnyCaseAndIsEmptyWhenAbsent() {
		assertThat(new Arguments(List.of("ON")).onOff(0, "//x (on|off)")).contains(true);
		assertThat(new Arguments(List.of("off")).onOff(0, "//x (on|off)")).contains(false);
		assertThat(new Arguments(List.of()).onOff(0, "//x (on|off)")).isEmpty();
	}

	@Test
	void onOffRefusesAnyOtherWordWithTheUsage() {
		assertThatExceptionOfType(ChatException.class)
			.isThrownBy(() -> new Arguments(List.of("yes")).onOff(0, "//away-notices (on|off)"))
			.withMessage("Usage: //away-notices (on|off)");
	}

}
