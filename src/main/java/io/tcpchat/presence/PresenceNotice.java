package io.tcpchat.presence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account that wants online/offline notices ({@code //notify on}); no row: off. */
@Entity
@Table(name = "presence_notice")
class PresenceNotice {

	@Id
	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "created_at")
	private Instant createdAt;

	protected PresenceNotice() {
	}

	PresenceNotice(long accountId, Instant createdAt) {
		this.accountId = accountId;
		this.createdAt = createdAt;
	}

}
