package io.tcpchat.presence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

@Component
class LocalPresence implements PresenceService {

	private final Map<String, OnlineUser> sessions = new ConcurrentHashMap<>();

	@Override
	public void online(OnlineUser session) {
		this.sessions.put(session.sessionId(), session);
	}

	@Override
	public void offline(String sessionId) {
		this.sessions.remove(sessionId);
	}

	@Override
	public Collection<OnlineUser> sessions() {
		return List.copyOf(this.sessions.values());
	}

}
