package io.tcpchat.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "channel")
class Channel {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Column(name = "private_channel")
	private boolean privateChannel;

	/** The owning account's id; null for the default channel, and once the owner's account is deleted. */
	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "created_at")
	private Instant createdAt;

	/** Null: no topic. */
	private String topic;

	protected Channel() {
	}

	Channel(String name, boolean privateChannel, Long ownerId, Instant createdAt) {
		this.name = name;
		this.privateChannel = privateChannel;
		this.ownerId = ownerId;
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	boolean isPrivate() {
		return this.privateChannel;
	}

	Long ownerId() {
		return this.ownerId;
	}

	boolean isOwnedBy(long accountId) {
		return this.ownerId != null && this.ownerId == accountId;
	}

	String topic() {
		return this.topic;
	}

	void changeTopic(String topic) {
		this.topic = topic;
	}

	void giveTo(long accountId) {
		this.ownerId = accountId;
	}

	void disown() {
		this.ownerId = null;
	}

}
