package io.tcpchat.auth;

/**
 * Published inside the deleting transaction, so features that keep data per user (memberships, bans) delete
 * theirs with it.
 */
public record AccountDeletedEvent(String username) {
}
