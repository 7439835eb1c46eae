package io.tcpchat.audit;

import java.time.Instant;

/**
 * One audited admin action: who did what to which target, and when.
 */
public record AuditRecord(long id, Instant at, String actor, String action, String target, String detail) {
}
