package io.tcpchat.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "message")
class StoredMessage {

	enum Kind {

		CHANNEL, DIRECT, BROADCAST

	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
	@SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
	private Long id;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String channel;

	/** The author's name when sent; {@link #senderId} is who it really was. */
	private String sender;

	/** The author's account; null for broadcasts and for authors deleted before accounts were kept. */
	@Column(name = "sender_id")
	private Long senderId;

	private String recipient;

	@Column(name = "recipient_id")
	private Long recipientId;

	private String color;

	private String body;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "edited_at")
	private Instant editedAt;

	/** An action ({@code //me waves}) rather than something said. */
	private boolean action;

	/** The users a channel message mentions ({@code @name}), space-separated; null: none. */
	private String mentions;

	/** False for a DM stored while its recipient was offline, until it is handed over at their next login. */
	private boolean delivered = true;

	protected StoredMessage() {
	}

	StoredMessage(Kind kind, String channel, Long senderId, String sender, Long recipientId, String recipient,
			String color, String body, Instant createdAt) {
		this.kind = kind;
		this.channel = channel;
		this.senderId = senderId;
		this.sender = sender;
		this.recipientId = recipientId;
		this.recipient = recipient;
		this.color = color;
		this.body = body;
		this.createdAt = createdAt;
	}

	Long id() {
		return this.id;
	}

	Kind kind() {
		return this.kind;
	}

	String channel() {
		return this.channel;
	}

	String sender() {
		return this.sender;
	}

	Long senderId() {
		return this.senderId;
	}

	Long recipientId() {
		return this.recipientId;
	}

	String recipient() {
		return this.recipient;
	}

	String color() {
		return this.color;
	}

	String body() {
		return this.body;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant editedAt() {
		return this.editedAt;
	}

	void edit(String newBody, Instant at) {
		this.body = newBody;
		this.editedAt = at;
	}

	boolean action() {
		return this.action;
	}

	StoredMessage action(boolean action) {
		this.action = action;
		return this;
	}

	List<String> mentions() {
		return (this.mentions == null) ? List.of() : List.of(this.mentions.split(" "));
	}

	StoredMessage mentions(List<String> names) {
		this.mentions = names.isEmpty() ? null : String.join(" ", names);
		return this;
	}

	boolean delivered() {
		return this.delivered;
	}

	StoredMessage delivered(boolean delivered) {
		this.delivered = delivered;
		return this;
	}

}
