package io.tcpchat.auth;

import java.time.Instant;

/**
 * A name that cannot be registered: {@code reason} is {@code deleted} (a deleted account's, until an admin
 * releases it; {@code since} is the deletion), {@code admin} (the bootstrap admin's) or {@code service}
 * ({@code chat.reserved-names}).
 */
public record ReservedName(String name, String reason, Instant since) {
}
