package io.tcpchat.session;

import java.util.stream.Collectors;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.messaging.DirectMessageHistory;
import io.tcpchat.messaging.MissedDirectMessages;
import io.tcpchat.protocol.ServerEvent;

import org.springframework.stereotype.Component;

/**
 * At login, right after {@code logged-in}: a {@code notice missed-dms} with the count per sender, then the DMs
 * that arrived while the user was offline, oldest first.
 */
@Component
class MissedMessages {

	static final String MISSED_DMS = "missed-dms";

	private final DirectMessageHistory directs;

	MissedMessages(DirectMessageHistory directs) {
		this.directs = directs;
	}

	void handOver(ChatSession session, ChatUser user) {
		MissedDirectMessages missed = this.directs.takeMissed(user);
		if (missed.isEmpty()) {
			return;
		}
		session.send(new ServerEvent.Notice(MISSED_DMS, summary(missed), null, missed.bySender()));
		for (ChatEvent.DirectMessage d : missed.latest()) {
			session.send(new ServerEvent.Dm(d.id(), d.ts(), d.from(), d.to(), d.color(), d.text()));
		}
	}

	private static String summary(MissedDirectMessages missed) {
		String counts = missed.bySender()
			.entrySet()
			.stream()
			.map(e -> e.getValue() + " from " + e.getKey())
			.collect(Collectors.joining(", "));
		String shown = (missed.latest().size() < missed.total())
				? " The latest " + missed.latest().size() + " follow; //history @user shows the rest."
				: "";
		return "While you were offline: " + missed.total() + ((missed.total() == 1) ? " DM (" : " DMs (") + counts
				+ ")." + shown;
	}

}
