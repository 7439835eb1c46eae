package io.tcpchat.admin.security;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP security: Basic authentication against the chat accounts, stateless. Everything needs the ADMIN role
 * except the health check (details only for admins) and the OpenAPI description, which only describes the API.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

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
			.anyRequest()
			.hasRole("ADMIN"))
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

}
