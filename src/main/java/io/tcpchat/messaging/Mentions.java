package io.tcpchat.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;

import org.springframework.stereotype.Component;

/**
 * Which users a channel message mentions: each {@code @name} that names a live account the in-memory directory
 * of accounts knows (everyone online is in it, see {@code AccountService#knownUser}), in the order they first
 * appear, by stored spelling, at most {@link #MAX} of them. A bare word is never a mention ("will", "may" and
 * "art" are names too). On the message path, so it reads no database, and a text without {@code @} costs one
 * scan.
 */
@Component
class Mentions {

	static final int MAX = 10;

	/** An {@code @} not glued to a word before it (so {@code bob@example.org} is no mention), then a name. */
	private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_@])@([A-Za-z][A-Za-z0-9_.-]{2,40})");

	private final AccountService accounts;

	Mentions(AccountService accounts) {
		this.accounts = accounts;
	}

	List<String> in(String text) {
		if (text.indexOf('@') < 0) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find() && names.size() < MAX) {
			// a sentence may end right after the name: "thanks @bob."
			String candidate = matcher.group(1).replaceAll("[.]+$", "");
			this.accounts.knownUser(candidate)
				.map(ChatUser::name)
				.filter(name -> names.stream().noneMatch(name::equalsIgnoreCase))
				.ifPresent(names::add);
		}
		return names;
	}

}
