package io.tcpchat.audit;

import java.time.Instant;

/**
 * One audited admin action: who did what to which target, when, and from which client address (null: none known).
 */
public record AuditRecord(long id, Instant at, String actor, String action, String target, String detail,
		String address) {
}
