package io.tcpchat.presence;

import java.time.Instant;

/**
 * One logged-in session.
 */
public record OnlineUser(String sessionId, long userId, String username, Instant connectedAt, String node) {
}
