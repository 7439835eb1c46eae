package io.tcpchat.admin.web;

import java.util.ArrayList;
import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call what: {@code /api/**} and the operator endpoints need ADMIN, health and the API description are
 * public, and nothing keeps a session.
 */
class AdminApiSecurityIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private MockMvc mvc;

	@Test
	void apiWithoutCredentialsIs401ProblemWithBasicChallenge() throws Exception {
		this.mvc.perform(get("/api/users/online"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"tcp-chat\""))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

	@Test
	void apiWithAWrongPasswordIs401() throws Exception {
		this.mvc.perform(get("/api/bans").with(httpBasic("admin", "not-the-password")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void apiForAPlainUserIs403Problem() throws Exception {
		String user = uniqueName("plain");
		newUser(user);

		this.mvc.perform(get("/api/channels").with(httpBasic(user, PASSWORD)))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("This needs an account with the ADMIN role."));
	}

	@Test
	void apiForAnAdminIs200WithoutSessionCookie() throws Exception {
		this.mvc.perform(get("/api/commands").with(httpBasic("admin", ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(jsonPath("$[?(@.name == 'ban')].adminOnly").value(hasItem(true)))
			.andExpect(jsonPath("$[?(@.name == 'ban')].usage").value(hasItem("//ban <username> (duration) (reason)")))
			.andExpect(jsonPath("$[?(@.name == 'help')].adminOnly").value(hasItem(false)));
	}

	@Test
	void writesNeedNoCsrfToken() throws Exception {
		this.mvc
			.perform(post("/api/broadcast").with(httpBasic("admin", ADMIN_PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"no csrf needed\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").isNumber());
	}

	@Test
	void aBannedAdminIsLockedOutOfTheApi() throws Exception {
		String admin2 = uniqueName("admin2");
		adminHttp().post("/api/users",
				"{\"username\":\"" + admin2 + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"ADMIN\"]}");
		this.mvc.perform(get("/api/bans").with(httpBasic(admin2, PASSWORD))).andExpect(status().isOk());

		adminHttp().post("/api/bans", "{\"username\":\"" + admin2 + "\"}");

		this.mvc.perform(get("/api/bans").with(httpBasic(admin2, PASSWORD))).andExpect(status().isUnauthorized());
	}

	@Test
	void healthIsPublicButItsComponentsAreForAdmins() throws Exception {
		this.mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components").doesNotExist());
		this.mvc.perform(get("/actuator/health").with(httpBasic("admin", ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.chatListeners.components.plain.status").value("UP"))
			.andExpect(jsonPath("$.components.db.status").value("UP"));
	}

	@Test
	void metricsPrometheusAndInfoAreForAdmins() throws Exception {
		String user = uniqueName("peeker");
		newUser(user);
		for (String path : new String[] { "/actuator/metrics", "/actuator/prometheus", "/actuator/info" }) {
			this.mvc.perform(get(path)).andExpect(status().isUnauthorized());
			this.mvc.perform(get(path).with(httpBasic(user, PASSWORD))).andExpect(status().isForbidden());
			this.mvc.perform(get(path).with(httpBasic("admin", ADMIN_PASSWORD))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/actuator/metrics/chat.connections.open").with(httpBasic("admin", ADMIN_PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("chat.connections.open"));
	}

	@Test
	void theApiDescriptionShowsRealParametersAndEveryAnswerAndNoEchoedHost() throws Exception {
		String body = this.mvc.perform(get("/v3/api-docs").with(request -> {
			request.setServerName("evil.example");
			request.addHeader("Host", "evil.example");
			return request;
		})).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode docs = ChatClient.parse(body);

		assertThat(docs.path("servers").findValuesAsString("url")).containsExactly("/");
		assertThat(body).doesNotContain("evil.example");
		List<String> operations = new ArrayList<>();
		docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
			String name = operation.getKey().toUpperCase() + " " + path.getKey();
			operations.add(name);
			JsonNode responses = operation.getValue().path("responses");
			assertThat(operation.getValue().path("parameters").findValuesAsString("name")).as(name)
				.doesNotContain("actor");
			assertThat(responses.has("401") && responses.has("403")).as(name).isTrue();
			responses.properties()
				.stream()
				.filter(response -> response.getKey().startsWith("4"))
				.forEach(response -> assertThat(response.getValue().path("content").has("application/problem+json"))
					.as(name + " " + response.getKey())
					.isTrue());
		}));
		assertThat(operations).contains("POST /api/users", "POST /api/bans", "DELETE /api/bans/{username}",
				"POST /api/broadcast", "DELETE /api/channels/{name}", "GET /api/audit");
		JsonNode paths = docs.path("paths");
		assertThat(paths.path("/api/users").path("post").path("responses").propertyNames()).contains("201", "400",
				"409").doesNotContain("200");
		assertThat(paths.path("/api/bans").path("post").path("responses").propertyNames()).contains("201", "400",
				"404", "409").doesNotContain("200");
		assertThat(paths.path("/api/bans/{username}").path("delete").path("responses").propertyNames())
			.contains("204", "404");
		assertThat(paths.path("/api/channels/{name}").path("delete").path("responses").propertyNames())
			.contains("204", "404", "409");
	}

	@Test
	void theApiDescriptionIsPublic() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/bans']").exists())
			.andExpect(jsonPath("$.paths['/api/users/{username}/password']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
	}

}
