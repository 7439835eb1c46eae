package io.tcpchat.presence;

import java.util.Collection;
import java.util.List;

/**
 * Who is online. In-memory on one node; shared through Redis in a cluster.
 */
public interface PresenceService {

	void online(OnlineUser session);

	void offline(String sessionId);

	/** Every logged-in session, of every node. */
	Collection<OnlineUser> sessions();

	/** Distinct names of the users online, sorted. */
	default List<String> usernames() {
		return sessions().stream().map(OnlineUser::username).distinct().sorted(String.CASE_INSENSITIVE_ORDER).toList();
	}

	default int userCount() {
		return usernames().size();
	}

	default boolean isOnline(String username) {
		return sessions().stream().anyMatch(s -> s.username().equalsIgnoreCase(username));
	}

}
