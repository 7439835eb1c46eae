package io.tcpchat.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.tcpchat.protocol.ServerEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one line of the {@code json} format into the protocol's event model. Lines that are not JSON (the text
 * greeting written before {@code //format json} takes effect) and event types this client does not know are
 * skipped rather than fatal, so a newer server still works with an older client.
 */
final class EventParser {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final ObjectReader reader = this.mapper.readerFor(ServerEvent.class);

	Optional<ServerEvent> parse(String line) {
		if (!line.startsWith("{")) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(this.reader.readValue(line));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/** A message inside a reply's data (e.g. {@code //history}), as the generic map Jackson read it into. */
	Optional<ServerEvent.Message> message(Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			return Optional.empty();
		}
		Map<Object, Object> withType = new LinkedHashMap<>(map);
		withType.putIfAbsent("type", "message");
		try {
			return (this.mapper.convertValue(withType, ServerEvent.class) instanceof ServerEvent.Message m)
					? Optional.of(m) : Optional.empty();
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
