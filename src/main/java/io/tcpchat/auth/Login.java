package io.tcpchat.auth;

/**
 * A login that succeeded.
 * @param resumeToken lets the client log in once more without the password ({@code //resume})
 * @param created whether the account was created by this login (a registration)
 */
public record Login(ChatUser user, String resumeToken, boolean created) {
}
