package io.tcpchat.admin.web;

import io.tcpchat.support.AdminHttp.Response;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HTTP error is application/problem+json, also those Spring MVC, Spring Security or Tomcat answer before any
 * controller runs.
 */
class HttpErrorsIntegrationTests extends ChatIntegrationTest {

	@Test
	void unknownPathsAre404Problems() {
		assertProblem(adminHttp().get("/api/nothing-here"), 404);
		assertProblem(adminHttp().get("/nothing-here"), 404);
	}

	@Test
	void wrongMethodsAre405Problems() {
		assertProblem(adminHttp().delete("/api/commands"), 405);
		assertProblem(adminHttp().put("/api/bans", "{}"), 405);
	}

	@Test
	void anEncodedSlashIsA400Problem() {
		assertProblem(adminHttp().get("/api/users/a%2Fb/password"), 400);
		assertProblem(adminHttp().delete("/api/bans/a%2F..%2Fb"), 400);
	}

	@Test
	void theErrorPageItselfIsAProblem() {
		assertProblem(adminHttp().get("/error"), 404);
		assertProblem(http(null, null).get("/error"), 404);
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
		assertThat(response.json().path("title").asString()).isNotBlank();
	}

}
