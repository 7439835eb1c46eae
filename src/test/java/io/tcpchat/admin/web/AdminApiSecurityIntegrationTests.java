package io.tcpchat.admin.web;

import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

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
	void theApiDescriptionIsPublic() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/bans']").exists())
			.andExpect(jsonPath("$.paths['/api/users/{username}/password']").exists())
			.andExpect(jsonPath("$.components.securitySchemes.basic.scheme").value("basic"));
	}

}
