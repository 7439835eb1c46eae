package io.tcpchat.moderation;

import io.tcpchat.audit.AuditAction;
import io.tcpchat.audit.AuditLog;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;
import io.tcpchat.presence.PresenceService;
import io.tcpchat.text.ChatText;

import org.springframework.stereotype.Service;

/**
 * Disconnects a user's sessions on every node.
 */
@Service
public class KickService {

	private final AccountService accounts;

	private final PresenceService presence;

	private final ChatEventBus events;

	private final AuditLog audit;

	KickService(AccountService accounts, PresenceService presence, ChatEventBus events, AuditLog audit) {
		this.accounts = accounts;
		this.presence = presence;
		this.events = events;
		this.audit = audit;
	}

	/** @return the stored spelling of the kicked user's name */
	public String kick(ChatUser actor, String username, String reason) {
		ChatUser target = this.accounts.requireUser(username);
		String name = target.name();
		if (target.id() == actor.id()) {
			throw ChatException.invalid("You cannot kick yourself; //quit leaves.");
		}
		if (!this.presence.isOnline(target.id())) {
			throw ChatException.notFound(name + " is not online.");
		}
		String why = ChatText.hasVisible(reason) ? "kicked by " + actor.name() + ": " + ChatText.clean(reason)
				: "kicked by " + actor.name();
		this.audit.record(actor.name(), AuditAction.KICK, name, why);
		this.events.publish(new ChatEvent.SessionsTerminated(target.id(), name, null, null, why));
		return name;
	}

}
