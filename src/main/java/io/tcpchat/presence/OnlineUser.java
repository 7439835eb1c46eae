package io.tcpchat.presence;

import java.time.Instant;

/**
 * One logged-in session.
 * @param address the client's address (the PROXY protocol's when a trusted proxy named one); null from a node of an
 * older version
 */
public record OnlineUser(String sessionId, long userId, String username, Instant connectedAt, String node,
		String address) {
}
