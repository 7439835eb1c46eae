package io.tcpchat.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "mute")
class Mute {

	@Id
	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "muted_by")
	private String mutedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	protected Mute() {
	}

	Mute(long accountId, String mutedBy, Instant createdAt, Instant expiresAt) {
		this.accountId = accountId;
		this.mutedBy = mutedBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	long accountId() {
		return this.accountId;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

}
