package io.tcpchat.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user's membership in a channel ({@code MEMBER}) or an invitation to a private one ({@code INVITED}).
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

	private String username;

	@Column(name = "username_key")
	private String usernameKey;

	@Column(name = "kind")
	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Kind kind;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Membership() {
	}

	Membership(Long channelId, String username, String usernameKey, Kind kind, Instant createdAt) {
		this.channelId = channelId;
		this.username = username;
		this.usernameKey = usernameKey;
		this.kind = kind;
		this.createdAt = createdAt;
	}

	Long channelId() {
		return this.channelId;
	}

	String username() {
		return this.username;
	}

	Kind kind() {
		return this.kind;
	}

	void promoteToMember() {
		this.kind = Kind.MEMBER;
	}

}
