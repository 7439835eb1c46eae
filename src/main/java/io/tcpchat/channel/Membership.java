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

	/** A channel moderator ({@code //op}): may invite, remove, uninvite and set the topic. */
	private boolean moderator;

	/** Who invited (an invitation; null for members and older invitations). */
	@Column(name = "invited_by")
	private Long invitedBy;

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

	Long invitedBy() {
		return this.invitedBy;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Membership invitedBy(long accountId) {
		this.invitedBy = accountId;
		return this;
	}

	boolean isModerator() {
		return this.moderator;
	}

	void moderator(boolean moderator) {
		this.moderator = moderator;
	}

	boolean isMember() {
		return this.kind == Kind.MEMBER;
	}

	void promoteToMember() {
		this.kind = Kind.MEMBER;
	}

}
