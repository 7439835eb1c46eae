package io.tcpchat.cluster;

/**
 * The names of this cluster's Redis keys and channels, all under {@code chat.cluster.redis-prefix}.
 */
record ClusterKeys(String prefix) {

	/** The pub/sub channel of chat events. */
	String events() {
		return this.prefix + ":events";
	}

	/** The pub/sub channel of presence changes. */
	String presence() {
		return this.prefix + ":presence";
	}

	/** The set of nodes that have announced themselves (alive or not yet swept). */
	String nodes() {
		return this.prefix + ":nodes";
	}

	/** A node's heartbeat: exists while the node lives (its time to live is {@code chat.cluster.node-timeout}). */
	String alive(String node) {
		return this.prefix + ":node:" + node + ":alive";
	}

	/** A node's sessions: a hash from session id to the session as JSON. */
	String sessions(String node) {
		return this.prefix + ":node:" + node + ":sessions";
	}

	String loginFailures(String key) {
		return this.prefix + ":login:failures:" + key;
	}

	String loginSuccess(String key) {
		return this.prefix + ":login:success:" + key;
	}

}
