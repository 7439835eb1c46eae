package io.tcpchat.webclient;

import io.tcpchat.support.Browser;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login form on a server with closed registration (the context of {@code ClosedRegistrationIntegrationTests},
 * shared): no way to create an account is offered, and a wrong password is said in the form.
 */
@TestPropertySource(properties = "chat.registration=closed")
class WebClientClosedRegistrationBrowserTests extends ChatIntegrationTest {

	private Browser browser;

	@BeforeAll
	static void requireBrowser() {
		Browser.assumeAvailable();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void offersNoRegistrationAndShowsWrongCredentialsInTheForm() {
		this.browser = Browser.start().open("http://127.0.0.1:" + httpPort() + "/");

		this.browser.findText("#registration-closed", "Registration is closed");
		assertThat(this.browser.all("#mode-register-label").get(0).isDisplayed()).isFalse();
		this.browser.type("#login-user", "admin").type("#login-password", "not-the-password");
		this.browser.click("#login-submit");

		this.browser.findText("#login-error", "Wrong username or password");
		this.browser.type("#login-password", ADMIN_PASSWORD).click("#login-submit");
		this.browser.findText("#conn-state", "online");
		this.browser.find("#admin-open");
	}

}
