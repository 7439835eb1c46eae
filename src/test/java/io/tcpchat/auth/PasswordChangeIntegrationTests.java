package io.tcpchat.auth;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password change ends the user's other sessions (issue 14, #9); passwords mean the same with or without
 * surrounding spaces, at the prompt and in commands.
 */
class PasswordChangeIntegrationTests extends ChatIntegrationTest {

	@Test
	void passwdEndsTheUsersOtherSessionsButNotTheOneThatChangedIt() {
		String name = uniqueName("pia");
		ChatClient changer = newUser(name);
		ChatClient other = connect().login(name, PASSWORD);
		ChatClient third = connect().login(name, PASSWORD);
		ChatClient bystander = newUser(uniqueName("bob"));

		changer.send("//passwd").send(PASSWORD).send("fresh-password-7").send("fresh-password-7");
		changer.expectReply("passwd");

		assertThat(other.expect("bye").path("reason").asString()).isEqualTo("password-changed");
		assertThat(third.expect("bye").path("reason").asString()).isEqualTo("password-changed");
		other.expectClosed();
		assertThat(changer.command("//whoami").path("data").path("user").asString()).isEqualTo(name);
		assertThat(bystander.command("//whoami").path("data").path("user").asString()).isNotEqualTo(name);
		connect().login(name, "fresh-password-7");
	}

	@Test
	void anAdminsResetEndsEverySessionOfTheUser() {
		String name = uniqueName("rex");
		ChatClient first = newUser(name);
		ChatClient second = connect().login(name, PASSWORD);

		assertThat(adminHttp().put("/api/users/" + name + "/password", "{\"password\":\"reset-password-7\"}").status())
			.isEqualTo(204);

		assertThat(first.expect("bye").path("reason").asString()).isEqualTo("password-changed");
		assertThat(second.expect("bye").path("reason").asString()).isEqualTo("password-changed");
		connect().login(name, "reset-password-7");
	}

	@Test
	void surroundingSpacesNeverMatterInPasswords() {
		String name = uniqueName("sam");
		ChatClient registering = connect().json();
		registering.expect("prompt", p -> p.path("field").asString().equals("username"));
		registering.send(name);
		registering.expect("prompt", p -> p.path("field").asString().equals("confirm"));
		registering.send("yes");
		registering.send("  spaced-secret-9  ").send("spaced-secret-9");
		registering.expect("logged-in");

		connect().login(name, "spaced-secret-9");
		connect().json().send("//login " + name + "   spaced-secret-9   ").expect("logged-in");
		ChatClient prompted = connect().json();
		prompted.expect("prompt", p -> p.path("field").asString().equals("username"));
		prompted.send(name).send(" spaced-secret-9");
		assertThat(prompted.expect("logged-in").path("user").asString()).isEqualTo(name);
	}

	@Test
	void theMostCommonPasswordsAreRefused() {
		assertThat(connect().json().commandError("//register " + uniqueName("tia") + " Password1").path("text")
			.asString()).contains("most common");
		ChatClient user = newUser(uniqueName("uma"));
		user.send("//passwd").send(PASSWORD).send("iloveyou").send("iloveyou");
		assertThat(user.expectError("invalid-argument").path("text").asString()).contains("most common");
	}

}
