package io.tcpchat.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final ChatMetrics metrics = new ChatMetrics(this.registry);

	@Test
	void countersExistBeforeAnythingHappens() {
		assertThat(this.registry.get("chat.deliveries.sent").counter().count()).isZero();
		assertThat(this.registry.get("chat.deliveries.dropped").counter().count()).isZero();
		assertThat(this.registry.get("chat.logins.succeeded").counter().count()).isZero();
		assertThat(this.registry.get("chat.logins.failed").tag("reason", "bad-credentials").counter().count()).isZero();
		assertThat(this.registry.get("chat.messages.received").counters()).hasSize(3);
	}

	@Test
	void deliveriesAreCountedAsSentOrDropped() {
		this.metrics.delivery(true);
		this.metrics.delivery(true);
		this.metrics.delivery(false);

		assertThat(this.registry.get("chat.deliveries.sent").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("chat.deliveries.dropped").counter().count()).isEqualTo(1);
	}

	@Test
	void commandsAreTimedByNameAndOutcome() {
		this.metrics.commandCompleted("say", "ok", Duration.ofMillis(3));
		this.metrics.commandCompleted("say", "ok", Duration.ofMillis(5));
		this.metrics.commandCompleted("ban", "forbidden", Duration.ofMillis(1));

		assertThat(this.registry.get("chat.command").tags("command", "say", "outcome", "ok").timer().count())
			.isEqualTo(2);
		assertThat(this.registry.get("chat.command").tags("command", "ban", "outcome", "forbidden").timer().count())
			.isEqualTo(1);
	}

	@Test
	void gaugesReadTheirSourceOnEachScrape() {
		AtomicInteger open = new AtomicInteger(2);
		this.metrics.connectionsOpen("websocket", open::get);
		open.set(5);

		assertThat(this.registry.get("chat.connections.open").tag("listener", "websocket").gauge().value())
			.isEqualTo(5);
	}

	@Test
	void failedLoginsCarryTheirReason() {
		this.metrics.loginFailed("banned");
		this.metrics.loginSucceeded();

		assertThat(this.registry.get("chat.logins.failed").tag("reason", "banned").counter().count()).isEqualTo(1);
		assertThat(this.registry.get("chat.logins.succeeded").counter().count()).isEqualTo(1);
	}

}
