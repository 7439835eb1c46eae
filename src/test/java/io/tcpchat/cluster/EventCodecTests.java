package io.tcpchat.cluster;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.tcpchat.error.ErrorCode;
import io.tcpchat.event.ChatEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every {@link ChatEvent} record survives the trip through Redis unchanged. The samples are built from the
 * records' components, so an event added later is tested without touching this class; a component of a type
 * the sample maker does not know fails here, before it fails between two nodes.
 */
class EventCodecTests {

	private final EventCodec codec = new EventCodec();

	static Stream<ChatEvent> everyEvent() {
		return Arrays.stream(ChatEvent.class.getPermittedSubclasses()).flatMap(type -> Stream.of(
				sample(type, true), sample(type, false)));
	}

	@ParameterizedTest
	@MethodSource("everyEvent")
	void roundTrips(ChatEvent event) {
		EventCodec.Envelope decoded = this.codec.decode(this.codec.encode("node-a", event));

		assertThat(decoded.node()).isEqualTo("node-a");
		assertThat(decoded.event()).isEqualTo(event);
	}

	@Test
	void everyEventHasSamples() {
		assertThat(everyEvent()).hasSize(2 * ChatEvent.class.getPermittedSubclasses().length)
			.hasSizeGreaterThan(40);
	}

	@Test
	void unknownTypeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.decode("{\"node\":\"n\",\"type\":\"FromTheFuture\",\"event\":{}}"));
	}

	@Test
	void channelEventsCarryTheChannelsId() {
		String json = this.codec.encode("node-a", new ChatEvent.MemberJoined("dev", 2, "bob", 42));

		assertThat(json).contains("\"channelId\":42");
		assertThat(this.codec.decode(json).event()).isEqualTo(new ChatEvent.MemberJoined("dev", 2, "bob", 42));
	}

	@Test
	void aChannelEventOfAnOlderNodeWithoutAChannelIdDecodesAsNotKnown() {
		ChatEvent event = this.codec
			.decode("{\"node\":\"old\",\"type\":\"ChannelDeleted\",\"event\":{\"channel\":\"dev\"}}")
			.event();

		assertThat(event).isEqualTo(new ChatEvent.ChannelDeleted("dev", 0));
	}

	/** A record with a value in every component; {@code full} false leaves the optional ones null. */
	private static ChatEvent sample(Class<?> type, boolean full) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			values[i] = value(components[i].getType(), components[i].getGenericType(), i, full);
		}
		try {
			Constructor<?> canonical = type.getDeclaredConstructor(
					Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
			return (ChatEvent) canonical.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(type.getName(), ex);
		}
	}

	private static Object value(Class<?> type, Type generic, int index, boolean full) {
		if (type == long.class) {
			return 1000L + index;
		}
		if (type == int.class) {
			return 7 + index;
		}
		if (type == boolean.class) {
			return full;
		}
		if (!full) {
			return nullable(type, generic, index);
		}
		if (type == Long.class) {
			return 2000L + index;
		}
		if (type == Integer.class) {
			return 20 + index;
		}
		if (type == Boolean.class) {
			return Boolean.TRUE;
		}
		if (type == String.class) {
			return "text-" + index + " \u00e9\u2603 \"quoted\"";
		}
		if (type == Instant.class) {
			return Instant.parse("2026-11-30T17:00:00.123456Z").plusSeconds(index);
		}
		if (type == ErrorCode.class) {
			return ErrorCode.values()[index % ErrorCode.values().length];
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		if (type == List.class && elementIs(generic, String.class)) {
			return List.of("a-" + index, "b-" + index);
		}
		if (type == Set.class && elementIs(generic, String.class)) {
			return Set.of("a-" + index, "b-" + index);
		}
		if (type == List.class && elementIs(generic, Long.class)) {
			return List.of(1L, 2L + index);
		}
		if (type == Set.class && elementIs(generic, Long.class)) {
			return Set.of(1L, 2L + index);
		}
		throw new IllegalStateException("no sample value for " + generic + ": teach EventCodecTests one");
	}

	/** The value of a component in the sparse sample: null where Java allows it, empty collections. */
	private static Object nullable(Class<?> type, Type generic, int index) {
		if (type == List.class) {
			return List.of();
		}
		if (type == Set.class) {
			return Set.of();
		}
		return null;
	}

	private static boolean elementIs(Type generic, Class<?> element) {
		return generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] == element;
	}

}
