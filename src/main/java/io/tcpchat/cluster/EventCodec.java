package io.tcpchat.cluster;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.tcpchat.event.ChatEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chat events as JSON for Redis: {@code {"node":"...","type":"ChannelMessage","event":{...}}}. The type is the
 * record's simple name, so every record of the sealed {@link ChatEvent} travels without a registration list to
 * keep up to date (a new event is covered the moment it is declared).
 */
final class EventCodec {

	/** A decoded event and the node that published it. */
	record Envelope(String node, ChatEvent event) {
	}

	private static final Map<String, Class<?>> TYPES = Arrays.stream(ChatEvent.class.getPermittedSubclasses())
		.collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

	/** A component missing from an older node's event (e.g. a channel event's {@code channelId}) reads as 0. */
	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	String encode(String node, ChatEvent event) {
		ObjectNode envelope = this.mapper.createObjectNode();
		envelope.put("node", node);
		envelope.put("type", event.getClass().getSimpleName());
		envelope.set("event", this.mapper.valueToTree(event));
		return this.mapper.writeValueAsString(envelope);
	}

	/** @throws IllegalArgumentException for JSON that is no event of this version (e.g. from a newer node) */
	Envelope decode(String json) {
		JsonNode envelope = this.mapper.readTree(json);
		Class<?> type = TYPES.get(envelope.path("type").asString(""));
		if (type == null) {
			throw new IllegalArgumentException("unknown event type " + envelope.path("type"));
		}
		ChatEvent event = (ChatEvent) this.mapper.treeToValue(envelope.get("event"), type);
		return new Envelope(envelope.path("node").asString(""), event);
	}

}
