package io.tcpchat.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.tcpchat.connection.Format;
import io.tcpchat.protocol.ServerEvent;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns server events into the bytes of one line, in either format.
 */
@Component
class EventRenderer {

	private final ObjectWriter writer;

	EventRenderer(JsonMapper jsonMapper) {
		this.writer = jsonMapper.writerFor(ServerEvent.class);
	}

	byte[] render(ServerEvent event, Format format) {
		String line = (format == Format.JSON) ? this.writer.writeValueAsString(event) : TextFormat.render(event);
		return (line + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** An event rendered at most once per format, however many sessions receive it. */
	RenderedEvent prepare(ServerEvent event) {
		return new RenderedEvent(event, this);
	}

	static final class RenderedEvent {

		private final ServerEvent event;

		private final EventRenderer renderer;

		private volatile byte[] json;

		private volatile byte[] text;

		RenderedEvent(ServerEvent event, EventRenderer renderer) {
			this.event = event;
			this.renderer = renderer;
		}

		/** When the event happened, for events that carry a time stamp; else null. */
		Instant timestamp() {
			return TextFormat.timestampOf(this.event);
		}

		byte[] bytes(Format format) {
			if (format == Format.JSON) {
				byte[] bytes = this.json;
				if (bytes == null) {
					bytes = this.renderer.render(this.event, Format.JSON);
					this.json = bytes;
				}
				return bytes;
			}
			byte[] bytes = this.text;
			if (bytes == null) {
				bytes = this.renderer.render(this.event, Format.TEXT);
				this.text = bytes;
			}
			return bytes;
		}

	}

}
