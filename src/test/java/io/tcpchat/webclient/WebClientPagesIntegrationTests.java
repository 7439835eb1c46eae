package io.tcpchat.webclient;

import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web client's files are public, with a Content-Security-Policy that allows no inline script; the admin API
 * stays closed.
 */
class WebClientPagesIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private MockMvc mvc;

	@Test
	void thePageAndItsScriptsArePublicWithAPolicyAgainstInlineScript() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(forwardedUrl("/index.html"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(header().string("X-Frame-Options", "DENY"));
		this.mvc.perform(get("/index.html"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-cache"))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")));
		this.mvc.perform(get("/assets/js/main.js"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("javascript")));
	}

	@Test
	void theApiStaysForAdminsAndNothingElseOpensUp() throws Exception {
		this.mvc.perform(get("/api/channels")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/assets/../application.yml")).andExpect(status().is4xxClientError());
	}

}
