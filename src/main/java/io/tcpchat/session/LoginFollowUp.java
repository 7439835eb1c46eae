package io.tcpchat.session;

import java.util.stream.Collectors;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.messaging.DirectMessageHistory;
import io.tcpchat.messaging.IgnoreService;
import io.tcpchat.messaging.MissedDirectMessages;
import io.tcpchat.protocol.ServerEvent;

import org.springframework.stereotype.Component;

/**
 * What a login brings besides {@code logged-in}: the user's ignore list, before anything is delivered to the
 * session; and right after {@code logged-in}, a {@code notice missed-dms} with the count per sender, then the DMs
 * that arrived while the user was offline, oldest first.
 */
@Component
class LoginFollowUp {

	static final String MISSED_DMS = "missed-dms";

	private final DirectMessageHistory directs;

	private final IgnoreService ignores;

	LoginFollowUp(DirectMessageHistory directs, IgnoreService ignores) {
		this.directs = directs;
		this.ignores = ignores;
	}

	/** Before the session is indexed for delivery. */
	void prepare(ChatSession session, ChatUser user) {
		session.ignoring(this.ignores.ignoredBy(user));
	}

	/** Right after {@code logged-in}. */
	void catchUp(ChatSession session, ChatUser user) {
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
