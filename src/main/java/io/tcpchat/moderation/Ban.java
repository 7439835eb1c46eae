package io.tcpchat.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "ban")
class Ban {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "username_key")
	private String usernameKey;

	private String reason;

	@Column(name = "banned_by")
	private String bannedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	protected Ban() {
	}

	Ban(String username, String usernameKey, String reason, String bannedBy, Instant createdAt, Instant expiresAt) {
		this.username = username;
		this.usernameKey = usernameKey;
		this.reason = reason;
		this.bannedBy = bannedBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	/** Reuses an expired ban's row for a new ban of the same user: one row per user, as the unique key says. */
	void replace(String reason, String bannedBy, Instant createdAt, Instant expiresAt) {
		this.reason = reason;
		this.bannedBy = bannedBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	boolean isActiveAt(Instant now) {
		return this.expiresAt == null || now.isBefore(this.expiresAt);
	}

	BanInfo toInfo() {
		return new BanInfo(this.username, this.reason, this.bannedBy, this.createdAt, this.expiresAt);
	}

}
