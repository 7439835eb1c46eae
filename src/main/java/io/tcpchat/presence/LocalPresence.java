package io.tcpchat.presence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The presence of a single node: its own sessions, in memory. A cluster has {@code cluster.ClusterPresence}.
 */
@Component
@ConditionalOnProperty(name = "chat.cluster.enabled", havingValue = "false", matchIfMissing = true)
class LocalPresence extends PresenceIndex {

	LocalPresence(AwayStatus away) {
		super(away);
	}

}
