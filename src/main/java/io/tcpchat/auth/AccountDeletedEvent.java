package io.tcpchat.auth;

/**
 * Published inside the deleting transaction, so features that keep data per account (memberships, ownership,
 * bans) drop theirs with it.
 */
public record AccountDeletedEvent(long accountId, String username) {
}
