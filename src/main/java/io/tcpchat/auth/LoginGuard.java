package io.tcpchat.auth;

/**
 * A veto on logins after the password checked out, e.g. a ban. Implemented by other features so that the login
 * rule stays in one place without auth depending on them.
 */
public interface LoginGuard {

	/**
	 * @throws io.tcpchat.error.ChatException to refuse the login
	 */
	void check(ChatUser user);

}
