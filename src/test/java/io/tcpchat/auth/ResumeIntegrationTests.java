package io.tcpchat.auth;

import java.time.Instant;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session resumption as a client sees it: {@code logged-in} carries a token, {@code //resume} spends it for a
 * login without the password and a fresh token, and everything that should revoke it does.
 */
class ResumeIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private LoginAttempts attempts;

	@Test
	void aTokenLogsInOnceAndGivesAFreshOne() {
		String name = uniqueName("rosa");
		String token = registered(name);
		assertThat(token).matches("[A-Za-z0-9_-]{43}");

		JsonNode resumed = connect().json().send("//resume " + name + " " + token).expect("logged-in");
		assertThat(resumed.path("user").asString()).isEqualTo(name);
		assertThat(resumed.path("channel").asString()).isEqualTo("general");
		String fresh = resumed.path("resume").asString();
		assertThat(fresh).isNotBlank().isNotEqualTo(token);

		assertThat(resumeError(name, token)).isEqualTo("bad-credentials");
		assertThat(resumeOk(name, fresh)).isNotEqualTo(fresh);
	}

	@Test
	void chatWorksAfterAResume() {
		String name = uniqueName("rico");
		String token = registered(name);
		ChatClient resumed = connect().json();
		resumed.send("//resume " + name + " " + token).send("hello after resume");
		resumed.expect("logged-in");
		assertThat(resumed.expect("message").path("text").asString()).isEqualTo("hello after resume");
	}

	@Test
	void anExpiredTokenIsRefused() {
		String name = uniqueName("rex");
		String token = registered(name);
		this.jdbc.update("UPDATE resume_token SET expires_at = ? WHERE token_hash = ?",
				java.sql.Timestamp.from(Instant.now().minusSeconds(1)), ResumeTokens.hash(token));

		assertThat(resumeError(name, token)).isEqualTo("bad-credentials");
	}

	@Test
	void aTokenOfAnotherUserIsRefused() {
		String owner = uniqueName("ron");
		String other = uniqueName("ray");
		String token = registered(owner);
		registered(other);

		assertThat(resumeError(other, token)).isEqualTo("bad-credentials");
		assertThat(resumeOk(owner, token)).isNotBlank();
	}

	@Test
	void aPasswordChangeRevokesEveryToken() {
		String name = uniqueName("rita");
		String first = registered(name);
		ChatClient changer = connect().json().send("//login " + name + " " + PASSWORD);
		String second = changer.expect("logged-in").path("resume").asString();

		changer.send("//passwd").send(PASSWORD).send("fresh-password-7").send("fresh-password-7");
		changer.expectReply("passwd");

		assertThat(resumeError(name, first)).isEqualTo("bad-credentials");
		assertThat(resumeError(name, second)).isEqualTo("bad-credentials");
	}

	@Test
	void aBanRevokesEveryTokenEvenOnceLifted() {
		String name = uniqueName("rob");
		String token = registered(name);
		ChatClient admin = admin();
		admin.command("//ban " + name + " spam");

		assertThat(resumeError(name, token)).isEqualTo("bad-credentials");
		admin.command("//unban " + name);
		assertThat(resumeError(name, token)).isEqualTo("bad-credentials");
	}

	@Test
	void deletingTheAccountRevokesItsTokens() {
		String name = uniqueName("ruth");
		String token = registered(name);

		assertThat(adminHttp().delete("/api/users/" + name).status()).isEqualTo(204);

		assertThat(resumeError(name, token)).isEqualTo("bad-credentials");
	}

	@Test
	void logoutAllEndsEverySessionAndRevokesEveryToken() {
		String name = uniqueName("remy");
		String first = registered(name);
		ChatClient one = connect().json().send("//login " + name + " " + PASSWORD);
		String second = one.expect("logged-in").path("resume").asString();
		ChatClient two = connect().json().send("//login " + name + " " + PASSWORD);
		two.expect("logged-in");

		two.send("//logout-all");

		assertThat(one.expect("bye").path("reason").asString()).isEqualTo("logout-all");
		assertThat(two.expect("bye").path("reason").asString()).isEqualTo("logout-all");
		assertThat(resumeError(name, first)).isEqualTo("bad-credentials");
		assertThat(resumeError(name, second)).isEqualTo("bad-credentials");
	}

	@Test
	void aWrongTokenCountsForTheLoginThrottle() {
		String name = uniqueName("rudi");
		registered(name);
		String address = "127.0.0.91";
		int before = failures("address:" + address);

		JsonNode error = connectFrom(address).json().commandError("//resume " + name + " not-the-token");

		assertThat(error.path("code").asString()).isEqualTo("bad-credentials");
		assertThat(failures("address:" + address)).isEqualTo(before + 1);
	}

	private int failures(String key) {
		LoginAttempts.Failures failures = this.attempts.failures(key, Instant.now());
		return (failures != null) ? failures.count() : 0;
	}

	/** Registers, and returns the resume token of that first login. */
	private String registered(String name) {
		ChatClient client = connect().json().send("//register " + name + " " + PASSWORD);
		String token = client.expect("logged-in").path("resume").asString();
		client.close();
		return token;
	}

	private String resumeOk(String name, String token) {
		return connect().json().send("//resume " + name + " " + token).expect("logged-in").path("resume").asString();
	}

	private String resumeError(String name, String token) {
		return connect().json().commandError("//resume " + name + " " + token).path("code").asString();
	}

}
