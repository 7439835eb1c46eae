package io.tcpchat.config;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Clustering through Redis is part of the contract but not built yet. Rather than start a node that silently
 * runs alone while the operator believes it shares presence, messages and bans, refuse to start.
 */
@Component
@ConditionalOnProperty(name = "chat.cluster.enabled", havingValue = "true")
class ClusterSupport implements InitializingBean {

	@Override
	public void afterPropertiesSet() {
		throw new IllegalStateException("chat.cluster.enabled=true: clustering through Redis is not available in "
				+ "this version yet. Run a single node (chat.cluster.enabled=false).");
	}

}
