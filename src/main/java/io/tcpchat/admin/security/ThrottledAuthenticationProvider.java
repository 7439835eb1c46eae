package io.tcpchat.admin.security;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.LoginGuard;
import io.tcpchat.auth.LoginThrottle;
import io.tcpchat.error.ChatException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins go through the same {@link LoginThrottle} as chat logins: a throttled account or address is
 * refused before its password is checked, and failures and successes count the same way.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AccountService accounts, ObjectProvider<LoginGuard> loginGuards,
			PasswordEncoder passwordEncoder, LoginThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(accounts, loginGuards));
		this.passwords.setPasswordEncoder(passwordEncoder);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		try {
			this.throttle.checkAllowed(username, address);
		}
		catch (ChatException ex) {
			throw new ThrottledException(ex.getMessage());
		}
		try {
			Authentication result = this.passwords.authenticate(authentication);
			this.throttle.succeeded(username, address);
			return result;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(username, address);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Answered with 429 by {@link ProblemResponses}. */
	static class ThrottledException extends AuthenticationException {

		ThrottledException(String message) {
			super(message);
		}

	}

}
