package io.tcpchat.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An account's membership in a channel ({@code MEMBER}) or an invitation to a private one ({@code INVITED}).
 */
@Entity
@Table(name = "channel_member")
class Membership {

	enum Kind {

		MEMBER, INVITED

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "channel_id")
	private Long channelId;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "kind")
	@Enumerated(EnumType.STRING)
	private Kind kind;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Membership() {
	}

	Membership(Long channelId, long accountId, Kind kind, Instant createdAt) {
		this.channelId = channelId;
		this.accountId = accountId;
		this.kind = kind;
		this.createdAt = createdAt;
	}

	Long channelId() {
		return this.channelId;
	}

	long accountId() {
		return this.accountId;
	}

	Kind kind() {
		return this.kind;
	}

	void promoteToMember() {
		this.kind = Kind.MEMBER;
	}

}
