package io.tcpchat.moderation;

import java.time.Instant;

public record BanInfo(String username, String reason, String bannedBy, Instant createdAt, Instant expiresAt) {
}
