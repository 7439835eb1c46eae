package io.tcpchat.admin.security;

import java.util.Arrays;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP security: Basic authentication against the chat accounts, stateless. Everything needs the ADMIN role
 * except the health check (details only for admins), the OpenAPI description, which only describes the API, and
 * the web client, whose users log in inside the chat protocol over its WebSocket.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** The web client's page, its assets and its WebSocket: the chat logs in inside the protocol, not over HTTP. */
	static final String[] WEB_CLIENT = { "/", "/index.html", "/assets/**", "/ws" };

	/** For the web client's pages: scripts and styles from files of this server only, never inline. */
	static final String WEB_CLIENT_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
			"/swagger-ui/**" };

	@Bean
	SecurityFilterChain chatSecurityFilterChain(HttpSecurity http, ProblemResponses problems) throws Exception {
		http.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
			.permitAll()
			.requestMatchers(API_DOCS)
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			.requestMatchers(WEB_CLIENT)
			.permitAll()
			.anyRequest()
			.hasRole("ADMIN"))
			.headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
					webClient(), new ContentSecurityPolicyHeaderWriter(WEB_CLIENT_POLICY))))
			.httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			// An API for scripts: no session, so no session cookie and nothing for CSRF to protect.
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}

	private static RequestMatcher webClient() {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return new OrRequestMatcher(Arrays.stream(WEB_CLIENT).map(paths::matcher).toArray(RequestMatcher[]::new));
	}

}
