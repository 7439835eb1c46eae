package io.tcpchat.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tcpchat.protocol.ServerEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventParserTests {

	private final EventParser parser = new EventParser();

	@Test
	void readsMessagesWithTheirTimestamp() {
		ServerEvent event = this.parser.parse("""
				{"type":"message","id":42,"ts":"2026-11-24T10:15:30.123Z","channel":"general","from":"alice",\
				"color":"#3f7fe0","text":"hi"}""").orElseThrow();
		assertThat(event).isEqualTo(new ServerEvent.Message(42, Instant.parse("2026-11-24T10:15:30.123Z"), "general",
				"alice", "#3f7fe0", "hi"));
	}

	@Test
	void readsEveryEventType() {
		assertThat(this.parser.parse("{\"type\":\"prompt\",\"field\":\"password\",\"text\":\"Password:\",\"secret\":true}"))
			.contains(new ServerEvent.Prompt("password", "Password:", true));
		assertThat(this.parser.parse("{\"type\":\"logged-in\",\"user\":\"bob\",\"roles\":[\"user\"],\"channel\":\"general\"}"))
			.contains(new ServerEvent.LoggedIn("bob", List.of("user"), "general", null));
		assertThat(this.parser.parse("{\"type\":\"error\",\"code\":\"bad-credentials\",\"text\":\"No.\"}"))
			.contains(new ServerEvent.Error("bad-credentials", "No.", null));
		assertThat(this.parser.parse("{\"type\":\"dm\",\"id\":1,\"ts\":\"2026-11-24T10:00:00Z\",\"from\":\"a\",\"to\":\"b\",\"text\":\"x\"}"))
			.contains(new ServerEvent.Dm(1, Instant.parse("2026-11-24T10:00:00Z"), "a", "b", null, "x"));
		assertThat(this.parser.parse("{\"type\":\"broadcast\",\"id\":2,\"ts\":\"2026-11-24T10:00:00Z\",\"from\":\"admin\",\"text\":\"y\"}"))
			.contains(new ServerEvent.Broadcast(2, Instant.parse("2026-11-24T10:00:00Z"), "admin", "y"));
		assertThat(this.parser.parse("{\"type\":\"join\",\"channel\":\"dev\",\"user\":\"bob\"}"))
			.contains(new ServerEvent.Join("dev", "bob"));
		assertThat(this.parser.parse("{\"type\":\"part\",\"channel\":\"dev\",\"user\":\"bob\"}"))
			.contains(new ServerEvent.Part("dev", "bob", null));
		assertThat(this.parser.parse("{\"type\":\"ping\",\"token\":\"t1\"}")).contains(new ServerEvent.Ping("t1"));
		assertThat(this.parser.parse("{\"type\":\"bye\",\"reason\":\"shutdown\"}")).contains(new ServerEvent.Bye("shutdown"));
		assertThat(this.parser.parse("{\"type\":\"welcome\",\"server\":\"tcp-chat\",\"version\":\"1\",\"node\":\"n\",\"registration\":\"open\"}"))
			.contains(new ServerEvent.Welcome("tcp-chat", "1", "n", "open"));
	}

	@Test
	void readsReplyDataAsPlainValues() {
		ServerEvent.Reply reply = (ServerEvent.Reply) this.parser
			.parse("{\"type\":\"reply\",\"command\":\"users\",\"text\":\"2 online\",\"data\":{\"users\":[\"a\",\"b\"]}}")
			.orElseThrow();
		assertThat(reply.data()).isEqualTo(Map.of("users", List.of("a", "b")));
	}

	@Test
	void readsTheMessagesOfAHistoryReply() {
		ServerEvent.Reply reply = (ServerEvent.Reply) this.parser.parse("""
				{"type":"reply","command":"history","text":"...","data":{"messages":[{"type":"message","id":7,\
				"ts":"2026-11-24T09:00:00Z","channel":"general","from":"alice","color":"#3f7fe0","text":"one"},\
				{"id":8,"ts":"2026-11-24T09:01:00Z","channel":"general","from":"bob","text":"two"}]}}""")
			.orElseThrow();
		List<?> raw = (List<?>) reply.data().get("messages");
		assertThat(raw.stream().map(this.parser::message).flatMap(java.util.Optional::stream).map(ServerEvent.Message::id))
			.containsExactly(7L, 8L);
	}

	@Test
	void skipsWhatItCannotRead() {
		assertThat(this.parser.parse("*** Welcome to tcp-chat")).isEmpty();
		assertThat(this.parser.parse("{\"type\":\"from-the-future\",\"x\":1}")).isEmpty();
		assertThat(this.parser.parse("{not json")).isEmpty();
		assertThat(this.parser.parse("{\"type\":\"ping\",\"token\":\"t\",\"extra\":true}")).contains(new ServerEvent.Ping("t"));
	}

}
