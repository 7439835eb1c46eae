package io.tcpchat.presence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

@Component
class LocalPresence implements PresenceService {

	private final Map<String, OnlineUser> sessions = new ConcurrentHashMap<>();

	private final AwayStatus away;

	LocalPresence(AwayStatus away) {
		this.away = away;
	}

	@Override
	public void online(OnlineUser session) {
		this.sessions.put(session.sessionId(), session);
	}

	@Override
	public void offline(String sessionId) {
		OnlineUser gone = this.sessions.remove(sessionId);
		if (gone != null && !isOnline(gone.username())) {
			// away lasts while the user is here at all
			this.away.clear(gone.username());
		}
	}

	@Override
	public Collection<OnlineUser> sessions() {
		return List.copyOf(this.sessions.values());
	}

}
