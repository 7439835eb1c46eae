package io.tcpchat.command;

import java.lang.reflect.Method;

import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CommandSpecTests {

	@Test
	void countsRequiredAndOptionalArgumentsFromTheUsage() {
		CommandSpec ban = spec("ban");

		assertThat(ban.required()).isEqualTo(1);
		assertThat(ban.optional()).isEqualTo(1);
		assertThat(ban.restOfLine()).isTrue();
		assertThat(ban.adminOnly()).isTrue();
		assertThat(ban.synopsis()).isEqualTo("//ban <username> (reason)");
	}

	@Test
	void anOptionalGroupOfWordsCountsEachWordAsOptional() {
		CommandSpec history = spec("history");

		assertThat(history.required()).isZero();
		assertThat(history.optional()).isEqualTo(4);
		assertThat(history.parse("#dev 20 before 123").values()).containsExactly("#dev", "20", "before", "123");
	}

	@Test
	void aCommandWithoutUsageTakesNoArguments() {
		CommandSpec whoami = spec("whoami");

		assertThat(whoami.required()).isZero();
		assertThat(whoami.optional()).isZero();
		assertThat(whoami.synopsis()).isEqualTo("//whoami");
		assertThat(whoami.parse("  ").values()).isEmpty();
		assertRefused(whoami, "extra", "//whoami");
	}

	@Test
	void splitsOnAnyWhitespace() {
		assertThat(spec("invite").parse("  bob \t  #room ").values()).containsExactly("bob", "#room");
	}

	@Test
	void optionalArgumentsMayBeLeftOut() {
		CommandSpec invite = spec("invite");

		assertThat(invite.parse("bob").values()).containsExactly("bob");
		assertThat(invite.parse("bob").optional(1)).isEmpty();
	}

	@Test
	void theLastArgumentTakesTheRestOfTheLine() {
		CommandSpec ban = spec("ban");

		assertThat(ban.parse("bob  spamming   the  channel ").values()).containsExactly("bob",
				"spamming   the  channel");
		assertThat(spec("msg").parse("#room hello  there").values()).containsExactly("#room", "hello  there");
	}

	@Test
	void withoutRestOfLineTooManyArgumentsAreRefused() {
		assertRefused(spec("invite"), "bob #room extra", "//invite <user> (channel)");
	}

	@Test
	void tooFewArgumentsAreRefusedWithTheUsage() {
		assertRefused(spec("msg"), "bob", "//msg <user|#channel> <text>");
		assertRefused(spec("ban"), "", "//ban <username> (reason)");
	}

	private static void assertRefused(CommandSpec spec, String arguments, String usage) {
		assertThatExceptionOfType(ChatException.class).isThrownBy(() -> spec.parse(arguments))
			.satisfies(ex -> assertThat(ex.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
			.withMessageContaining(usage);
	}

	private static CommandSpec spec(String name) {
		for (Method method : Fixtures.class.getDeclaredMethods()) {
			ChatCommand command = method.getAnnotation(ChatCommand.class);
			if (command != null && command.name().equals(name)) {
				return CommandSpec.of(command);
			}
		}
		throw new IllegalArgumentException(name);
	}

	static class Fixtures {

		@ChatCommand(name = "ban", usage = "<username> (reason)", description = "Bans.", access = Access.ADMIN,
				restOfLine = true)
		void ban() {
		}

		@ChatCommand(name = "history", usage = "(channel) (n) (before <id>)", description = "Pages.")
		void history() {
		}

		@ChatCommand(name = "whoami", description = "Who am I.")
		void whoami() {
		}

		@ChatCommand(name = "invite", usage = "<user> (channel)", description = "Invites.")
		void invite() {
		}

		@ChatCommand(name = "msg", usage = "<user|#channel> <text>", description = "Sends.", restOfLine = true)
		void msg() {
		}

	}

}
