package io.tcpchat.admin.web;

import java.io.IOException;

import io.tcpchat.audit.AuditOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What an HTTP request leads to is audited with the request's remote address (the client's; behind an HTTP proxy,
 * the proxy's unless {@code server.forward-headers-strategy} is set to trust its headers).
 */
@Component
class AuditOriginFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (AuditOrigin.Scope origin = AuditOrigin.open(request.getRemoteAddr())) {
			chain.doFilter(request, response);
		}
	}

}
