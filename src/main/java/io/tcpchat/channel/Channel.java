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

	/** The key of the owning user's name; null for the default channel. */
	private String owner;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Channel() {
	}

	Channel(String name, boolean privateChannel, String owner, Instant createdAt) {
		this.name = name;
		this.privateChannel = privateChannel;
		this.owner = owner;
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

	String owner() {
		return this.owner;
	}

}
