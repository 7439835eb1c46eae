package io.tcpchat.messaging;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "ignored_user")
@IdClass(IgnoredUser.Key.class)
class IgnoredUser {

	record Key(Long accountId, Long ignoredId) implements Serializable {
	}

	@Id
	@Column(name = "account_id")
	private Long accountId;

	@Id
	@Column(name = "ignored_id")
	private Long ignoredId;

	@Column(name = "created_at")
	private Instant createdAt;

	protected IgnoredUser() {
	}

	IgnoredUser(long accountId, long ignoredId, Instant createdAt) {
		this.accountId = accountId;
		this.ignoredId = ignoredId;
		this.createdAt = createdAt;
	}

	long ignoredId() {
		return this.ignoredId;
	}

}
