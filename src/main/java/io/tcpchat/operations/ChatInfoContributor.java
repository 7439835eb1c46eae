package io.tcpchat.operations;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tcpchat.config.NodeIdentity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info}: {@code chat.version}, {@code chat.node}, {@code chat.startedAt} and {@code chat.uptime}.
 */
@Component
class ChatInfoContributor implements InfoContributor {

	private final String version;

	private final NodeIdentity node;

	private final Clock clock;

	private final Instant startedAt = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

	ChatInfoContributor(ObjectProvider<BuildProperties> build, NodeIdentity node, Clock clock) {
		BuildProperties properties = build.getIfAvailable();
		this.version = (properties != null) ? properties.getVersion() : "dev";
		this.node = node;
		this.clock = clock;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> chat = new LinkedHashMap<>();
		chat.put("version", this.version);
		chat.put("node", this.node.id());
		chat.put("startedAt", this.startedAt);
		Duration uptime = Duration.between(this.startedAt, this.clock.instant()).truncatedTo(ChronoUnit.SECONDS);
		chat.put("uptime", uptime.toString());
		builder.withDetail("chat", chat);
	}

}
