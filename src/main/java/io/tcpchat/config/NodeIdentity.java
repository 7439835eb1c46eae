package io.tcpchat.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * The name of this node in a cluster: {@code chat.node-id}, or the host name with a random suffix.
 */
public record NodeIdentity(String id) {

	static NodeIdentity of(String configured) {
		if (configured != null && !configured.isBlank()) {
			return new NodeIdentity(configured);
		}
		return new NodeIdentity(hostName() + "-" + UUID.randomUUID().toString().substring(0, 6));
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "node";
		}
	}

}
