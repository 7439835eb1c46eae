package io.tcpchat.admin.web;

import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Refusals as RFC 9457 problem details: the status from the error catalogue, a detail a person can act on, and
 * the chat error code.
 */
class AdminApiProblemIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private MockMvc mvc;

	@Test
	void invalidNewUserIs400WithTheBrokenRules() throws Exception {
		perform(post("/api/users").content("{\"username\":\"x\",\"password\":\"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("invalid-argument"))
			.andExpect(jsonPath("$.detail").value(allOf(containsString("username: A username is 3-32 characters"),
					containsString("password: size must be between 8 and 128"))));
	}

	@Test
	void takenNameIs409() throws Exception {
		String name = uniqueName("taken");
		String body = "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}";
		perform(post("/api/users").content(body)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.roles[0]").value("USER"));

		perform(post("/api/users").content(body.replace(name, name.toUpperCase())))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("already-exists"))
			.andExpect(jsonPath("$.detail").value(containsString("is taken")));
	}

	@Test
	void unknownUserIs404ForDeleteResetAndBan() throws Exception {
		perform(delete("/api/users/nobody-here")).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("not-found"))
			.andExpect(jsonPath("$.detail").value("There is no user nobody-here."));
		perform(put("/api/users/nobody-here/password").content("{\"password\":\"long-enough-1\"}"))
			.andExpect(status().isNotFound());
		perform(post("/api/bans").content("{\"username\":\"nobody-here\"}")).andExpect(status().isNotFound());
	}

	@Test
	void adminsCannotDeleteThemselves() throws Exception {
		perform(delete("/api/users/admin")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("You cannot delete your own account."));
	}

	@Test
	void banningTwiceIs409AndUnbanningTheUnbannedIs404() throws Exception {
		String name = uniqueName("twice");
		newUser(name);
		String ban = "{\"username\":\"" + name + "\",\"reason\":\"flood\"}";
		perform(post("/api/bans").content(ban)).andExpect(status().isCreated())
			.andExpect(jsonPath("$.reason").value("flood"))
			.andExpect(jsonPath("$.expiresAt").doesNotExist());

		perform(post("/api/bans").content(ban)).andExpect(status().isConflict());
		perform(delete("/api/bans/" + name)).andExpect(status().isNoContent());
		perform(delete("/api/bans/" + name)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(name + " is not banned."));
	}

	@Test
	void badBanRequestsAre400() throws Exception {
		perform(post("/api/bans").content("{\"username\":\"someone\",\"durationSeconds\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("durationSeconds")));
		perform(post("/api/bans").content("{\"username\":\"someone\",\"reason\":\"" + "x".repeat(501) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("reason")));
		perform(post("/api/bans").content("{\"username\":\"admin\"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("You cannot ban yourself."));
	}

	@Test
	void banDurationsMustBeWholeJsonNumbersInRange() throws Exception {
		String name = uniqueName("dur");
		newUser(name);
		for (String duration : new String[] { String.valueOf(Long.MAX_VALUE), "-5", "1.5", "\"10\"", "true",
				"315360001" }) {
			perform(post("/api/bans").content("{\"username\":\"" + name + "\",\"durationSeconds\":" + duration + "}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("invalid-argument"))
				.andExpect(jsonPath("$.detail").value(containsString("durationSeconds")));
		}
		perform(post("/api/bans").content("{\"username\":\"" + name + "\",\"durationSeconds\":315360000}"))
			.andExpect(status().isCreated());
	}

	@Test
	void deletingTheDefaultChannelIs409AndAnUnknownOne404() throws Exception {
		perform(delete("/api/channels/general")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("The default channel #general cannot be deleted."));
		perform(delete("/api/channels/no-such-channel")).andExpect(status().isNotFound());
	}

	@Test
	void unreadableBodiesAre400() throws Exception {
		perform(post("/api/broadcast").content("{not json")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("not JSON")));
		perform(post("/api/users")
			.content("{\"username\":\"roleless\",\"password\":\"long-enough-1\",\"roles\":[\"KING\"]}"))
			.andExpect(status().isBadRequest());
		perform(post("/api/broadcast").content("{\"message\":\"  \"}")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("message")));
	}

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.with(httpBasic("admin", ADMIN_PASSWORD)).contentType(MediaType.APPLICATION_JSON));
	}

}
