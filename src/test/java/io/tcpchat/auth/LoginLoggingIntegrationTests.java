package io.tcpchat.auth;

import java.time.Duration;

import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What user-supplied names and texts do to the log: nothing forged, nothing overlong, no passwords.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginLoggingIntegrationTests extends ChatIntegrationTest {

	@Test
	void failedLoginsLogOnlyNamesOfAccountsNeverForgedLinesOrPasswords(CapturedOutput output) {
		String bob = uniqueName("bob");
		newUser(bob).close();

		assertThat(http("fake\nINFO forged log line", "y").get("/api/commands").status()).isEqualTo(401);
		assertThat(http("x".repeat(3000), "y").get("/api/commands").status()).isEqualTo(401);
		assertThat(http("Hunter2-secret-pw", "y").get("/api/commands").status()).isEqualTo(401);
		connect().json().send("//login Hunter3-secret-pw nope").expectError("bad-credentials");
		assertThat(http(bob, "wrong-password").get("/api/commands").status()).isEqualTo(401);
		connect().json().send("//login " + bob + " wrong-password").expectError("bad-credentials");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut().contains("HTTP login failed for '" + bob + "' from 127.0.0.1")
					&& output.getOut().contains("Login failed for '" + bob + "' from 127.0.0.1"));
		assertThat(output.getOut()).contains("HTTP login failed for an unknown name from 127.0.0.1")
			.contains("Login failed for an unknown name from 127.0.0.1")
			.doesNotContain("forged log line", "x".repeat(100), "Hunter2-secret-pw", "Hunter3-secret-pw");
		assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("INFO forged"));
	}

	@Test
	void auditedTextIsLoggedOnOneLineAndCut(CapturedOutput output) {
		String carol = uniqueName("carol");
		newUser(carol).close();

		adminHttp().post("/api/bans", "{\"username\":\"" + carol + "\",\"reason\":\"spam\\nINFO forged ban line\"}");
		adminHttp().post("/api/broadcast", "{\"message\":\"" + "z".repeat(1900) + "\"}");

		await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains("broadcast"));
		assertThat(output.getOut()).contains("admin ban " + carol + ": spam INFO forged ban line")
			.doesNotContain("z".repeat(250));
		assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("INFO forged"));
	}

}
