package io.tcpchat.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.Outbound;
import io.tcpchat.protocol.ServerEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 10: live text lines show the time of day only, so a new day gets a date line first. */
class DayChangeTests {

	private static final Instant LATE = Instant.parse("2026-11-30T23:59:30Z");

	private final EventRenderer renderer = new EventRenderer(JsonMapper.builder().build());

	private final RecordingOutbound outbound = new RecordingOutbound();

	@Test
	void theFirstLineOfANewDayInTextIsPrecededByTheDate() {
		ChatSession session = session(Format.TEXT);

		session.send(this.renderer.prepare(message(LATE.plusSeconds(10))));
		session.send(this.renderer.prepare(message(LATE.plusSeconds(60))));
		session.send(this.renderer.prepare(message(LATE.plusSeconds(120))));

		assertThat(this.outbound.lines).hasSize(4);
		assertThat(this.outbound.lines.get(0)).contains("[#general] alice: hi");
		assertThat(this.outbound.lines.get(1)).isEqualTo("*** Tuesday, 1 December 2026 (UTC)\n");
		assertThat(this.outbound.lines.get(2)).startsWith("00:00:30 [#general] alice: hi");
	}

	@Test
	void jsonLinesCarryTheirTimestampAndGetNoDateLine() {
		ChatSession session = session(Format.JSON);

		session.send(this.renderer.prepare(message(LATE.plusSeconds(60))));

		assertThat(this.outbound.lines).singleElement().asString().startsWith("{\"type\":\"message\"");
	}

	private ChatSession session(Format format) {
		return new ChatSession(new ConnectionInfo("c1", "127.0.0.1", "plain", format), LATE, this.outbound,
				this.renderer, null);
	}

	private static ServerEvent.Message message(Instant ts) {
		return new ServerEvent.Message(1, ts, "general", "alice", "#3f7fe0", "hi");
	}

	static final class RecordingOutbound implements Outbound {

		final List<String> lines = new ArrayList<>();

		@Override
		public boolean send(byte[] frame) {
			this.lines.add(new String(frame, StandardCharsets.UTF_8));
			return true;
		}

		@Override
		public void sendLast(byte[] frame) {
			send(frame);
		}

		@Override
		public void closeAfterFlush() {
		}

		@Override
		public long queuedBytes() {
			return 0;
		}

	}

}
