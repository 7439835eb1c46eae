package io.tcpchat.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The newest message of a channel that an account has read. */
@Entity
@Table(name = "read_marker")
class ReadMarker {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private Long accountId;

	private String channel;

	@Column(name = "last_read_id")
	private long lastReadId;

	protected ReadMarker() {
	}

	ReadMarker(long accountId, String channel, long lastReadId) {
		this.accountId = accountId;
		this.channel = channel;
		this.lastReadId = lastReadId;
	}

	String channel() {
		return this.channel;
	}

	long lastReadId() {
		return this.lastReadId;
	}

	/** @return whether it moved (markers never go back) */
	boolean advanceTo(long messageId) {
		if (messageId <= this.lastReadId) {
			return false;
		}
		this.lastReadId = messageId;
		return true;
	}

}
