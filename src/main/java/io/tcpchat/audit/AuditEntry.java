package io.tcpchat.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "audit_log")
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "created_at")
	private Instant createdAt;

	private String actor;

	private String action;

	private String target;

	private String detail;

	/** The client whose action it was (or led to it); null when none did, and in entries older than V9. */
	private String address;

	protected AuditEntry() {
	}

	AuditEntry(Instant createdAt, String actor, String action, String target, String detail, String address) {
		this.createdAt = createdAt;
		this.address = address;
		this.actor = actor;
		this.action = action;
		this.target = target;
		this.detail = detail;
	}

	AuditRecord toRecord() {
		return new AuditRecord(this.id, this.createdAt, this.actor, this.action, this.target, this.detail,
				this.address);
	}

}
