package io.tcpchat.presence;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is online. In-memory on one node; shared through Redis in a cluster. Every query is answered from indexes
 * by user, in time proportional to its result, never by scanning every session.
 */
public interface PresenceService {

	void online(OnlineUser session);

	void offline(String sessionId);

	/** Every logged-in session, of every node. */
	Collection<OnlineUser> sessions();

	/** The sessions of each user online, one list per user, earliest first. */
	Collection<List<OnlineUser>> sessionsByUser();

	/** Distinct names of the users online, sorted. */
	List<String> usernames();

	int userCount();

	boolean isOnline(String username);

	boolean isOnline(long userId);

	/** The earliest session of each of these users who is online. */
	List<OnlineUser> onlineAmong(Set<Long> userIds);

}
