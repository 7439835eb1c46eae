package io.tcpchat.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What the server sends to a client, one event per line. This is the wire model of the {@code json} format
 * (see docs/protocol.md); the terminal client reads the same types.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(ServerEvent.Welcome.class), @JsonSubTypes.Type(ServerEvent.Prompt.class),
		@JsonSubTypes.Type(ServerEvent.LoggedIn.class), @JsonSubTypes.Type(ServerEvent.Reply.class),
		@JsonSubTypes.Type(ServerEvent.Error.class), @JsonSubTypes.Type(ServerEvent.Message.class),
		@JsonSubTypes.Type(ServerEvent.Dm.class), @JsonSubTypes.Type(ServerEvent.Broadcast.class),
		@JsonSubTypes.Type(ServerEvent.Join.class), @JsonSubTypes.Type(ServerEvent.Part.class),
		@JsonSubTypes.Type(ServerEvent.Notice.class), @JsonSubTypes.Type(ServerEvent.Edit.class),
		@JsonSubTypes.Type(ServerEvent.Unsend.class), @JsonSubTypes.Type(ServerEvent.Ping.class),
		@JsonSubTypes.Type(ServerEvent.Bye.class), @JsonSubTypes.Type(ServerEvent.Topic.class) })
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerEvent {

	@JsonTypeName("welcome")
	record Welcome(String server, String version, String node, String registration) implements ServerEvent {
	}

	@JsonTypeName("prompt")
	record Prompt(String field, String text, boolean secret) implements ServerEvent {
	}

	@JsonTypeName("logged-in")
	record LoggedIn(String user, List<String> roles, String channel, String resume) implements ServerEvent {
	}

	@JsonTypeName("reply")
	record Reply(String command, String text, Map<String, ?> data) implements ServerEvent {
	}

	@JsonTypeName("error")
	record Error(String code, String text, String command) implements ServerEvent {
	}

	/**
	 * @param action {@code true} for an action ({@code //me waves}), absent otherwise
	 * @param mentions the names of the users it mentions ({@code @name}), absent when none
	 */
	@JsonTypeName("message")
	record Message(long id, Instant ts, String channel, String from, String color, String text, Boolean action,
			List<String> mentions) implements ServerEvent {

		public Message(long id, Instant ts, String channel, String from, String color, String text) {
			this(id, ts, channel, from, color, text, null, null);
		}

		public Message(long id, Instant ts, String channel, String from, String color, String text,
				Boolean action) {
			this(id, ts, channel, from, color, text, action, null);
		}

		/** Whether it mentions {@code user} (names compare ignoring case). */
		public boolean mentions(String user) {
			return this.mentions != null && user != null && this.mentions.stream().anyMatch(user::equalsIgnoreCase);
		}

		@JsonIgnore
		public boolean isAction() {
			return Boolean.TRUE.equals(this.action);
		}

	}

	@JsonTypeName("dm")
	record Dm(long id, Instant ts, String from, String to, String color, String text) implements ServerEvent {
	}

	/** A channel message ({@code channel}) or DM ({@code from}, {@code to}) was edited; {@code ts}: when. */
	@JsonTypeName("edit")
	record Edit(long id, Instant ts, String channel, String from, String to, String text) implements ServerEvent {
	}

	/** A channel message ({@code channel}) or DM ({@code from}, {@code to}) was taken back by its author. */
	@JsonTypeName("unsend")
	record Unsend(long id, String channel, String from, String to) implements ServerEvent {
	}

	@JsonTypeName("broadcast")
	record Broadcast(long id, Instant ts, String from, String text) implements ServerEvent {
	}

	@JsonTypeName("join")
	record Join(String channel, String user) implements ServerEvent {
	}

	@JsonTypeName("part")
	record Part(String channel, String user, String reason) implements ServerEvent {
	}

	/**
	 * Something this session must know that is neither a reply nor an error: {@code code} says what
	 * ({@code no-channel}: the current channel is gone, so plain lines go nowhere until the user picks one;
	 * {@code missed-dms}: DMs arrived while the user was offline, {@code unread} counts them per sender; the
	 * channel codes of docs/protocol.md name the {@code user} concerned and who did it, {@code by}; {@code unread}:
	 * the login's summary, {@code unread} per channel and {@code dms} per sender).
	 */
	@JsonTypeName("notice")
	record Notice(String code, String text, String channel, Map<String, Long> unread, String user, String by,
			Map<String, Long> dms) implements ServerEvent {

		public Notice(String code, String text, String channel) {
			this(code, text, channel, null, null, null, null);
		}

		public Notice(String code, String text, String channel, Map<String, Long> unread) {
			this(code, text, channel, unread, null, null, null);
		}

		public Notice(String code, String text, String channel, Map<String, Long> unread, String user, String by) {
			this(code, text, channel, unread, user, by, null);
		}

	}

	/** A channel's topic changed ({@code //topic}); {@code topic} is absent when it was cleared. */
	@JsonTypeName("topic")
	record Topic(String channel, String topic, String by) implements ServerEvent {
	}

	@JsonTypeName("ping")
	record Ping(String token) implements ServerEvent {
	}

	@JsonTypeName("bye")
	record Bye(String reason) implements ServerEvent {
	}

}
