package io.tcpchat.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.tcpchat.auth.AccountDeletedEvent;
import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.error.ChatException;
import io.tcpchat.event.ChatEvent;
import io.tcpchat.event.ChatEventBus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ignore lists: whose channel messages, actions and DMs are not delivered to a user, on every protocol. Stored by
 * account; the sessions hold the names (from {@link #ignoredBy} at login, then {@code IgnoreListChanged}), so
 * delivery reads no database.
 */
@Service
public class IgnoreService {

	public static final int MAX_IGNORED = 500;

	private final IgnoredUserRepository ignored;

	private final AccountService accounts;

	private final ChatEventBus events;

	private final Clock clock;

	IgnoreService(IgnoredUserRepository ignored, AccountService accounts, ChatEventBus events, Clock clock) {
		this.ignored = ignored;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** @return the user's ignore list now */
	@Transactional
	public Set<String> ignore(ChatUser user, String name) {
		ChatUser other = this.accounts.requireUser(name);
		if (other.id() == user.id()) {
			throw ChatException.invalid("You cannot ignore yourself.");
		}
		if (other.isAdmin()) {
			throw ChatException.forbidden("Admins cannot be ignored: their messages may be about the rules.");
		}
		if (this.ignored.existsByAccountIdAndIgnoredId(user.id(), other.id())) {
			throw ChatException.alreadyExists("You ignore " + other.name() + " already.");
		}
		if (this.ignored.countByAccountId(user.id()) >= MAX_IGNORED) {
			throw ChatException.invalid("You can ignore at most " + MAX_IGNORED + " users.");
		}
		this.ignored.save(new IgnoredUser(user.id(), other.id(), this.clock.instant()));
		return changed(user);
	}

	/** @return the user's ignore list now */
	@Transactional
	public Set<String> unignore(ChatUser user, String name) {
		ChatUser other = this.accounts.requireUser(name);
		if (this.ignored.deleteByAccountIdAndIgnoredId(user.id(), other.id()) == 0) {
			throw ChatException.notFound("You do not ignore " + other.name() + ".");
		}
		return changed(user);
	}

	/** The names the user ignores, sorted. */
	@Transactional(readOnly = true)
	public Set<String> ignoredBy(ChatUser user) {
		List<Long> ids = this.ignored.findByAccountId(user.id()).stream().map(IgnoredUser::ignoredId).toList();
		Map<Long, AccountName> names = this.accounts.names(ids);
		return names.values()
			.stream()
			.filter(name -> !name.deleted())
			.map(AccountName::name)
			.collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
	}

	Set<Long> ignoredIds(long accountId) {
		return this.ignored.findByAccountId(accountId).stream().map(IgnoredUser::ignoredId).collect(Collectors.toSet());
	}

	private Set<String> changed(ChatUser user) {
		Set<String> now = ignoredBy(user);
		this.events.publishAfterCommit(new ChatEvent.IgnoreListChanged(user.id(), Set.copyOf(now)));
		return now;
	}

	@EventListener
	void forgetAccount(AccountDeletedEvent deleted) {
		this.ignored.deleteByAccountIdOrIgnoredId(deleted.accountId(), deleted.accountId());
	}

}
