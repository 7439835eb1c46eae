package io.tcpchat.admin.security;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.AccountService.Credentials;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.LoginGuard;
import io.tcpchat.auth.Role;
import io.tcpchat.error.ChatException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * HTTP Basic against the chat accounts: same names, same password hashes, same roles. An account refused by a
 * {@link LoginGuard} (a banned one) is locked here too. Not a bean: only {@link ThrottledAuthenticationProvider}
 * uses it (as a bean, Spring Security would also warn at start-up that it goes unused).
 */
class AccountUserDetailsService implements UserDetailsService {

	private final AccountService accounts;

	private final ObjectProvider<LoginGuard> loginGuards;

	AccountUserDetailsService(AccountService accounts, ObjectProvider<LoginGuard> loginGuards) {
		this.accounts = accounts;
		this.loginGuards = loginGuards;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Credentials credentials = this.accounts.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such account"));
		return User.withUsername(credentials.username())
			.password(credentials.passwordHash())
			.roles(credentials.roles().stream().map(Role::name).toArray(String[]::new))
			.accountLocked(isRefused(credentials.username()))
			.build();
	}

	private boolean isRefused(String username) {
		ChatUser user = this.accounts.requireUser(username);
		try {
			this.loginGuards.orderedStream().forEach(guard -> guard.check(user));
			return false;
		}
		catch (ChatException ex) {
			return true;
		}
	}

}
