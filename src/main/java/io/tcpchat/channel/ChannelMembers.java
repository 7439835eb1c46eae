package io.tcpchat.channel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tcpchat.auth.AccountName;
import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;

import org.springframework.stereotype.Service;

/**
 * Who is in a channel and in which role, for {@code //members}: the members from memory, their names and roles
 * through the accounts (a listing, never the message path).
 */
@Service
public class ChannelMembers {

	/** One member: {@code owner} and {@code moderator} of this channel, {@code admin} of the server. */
	public record Member(long id, String name, boolean owner, boolean moderator, boolean admin) {
	}

	private final ChannelService channels;

	private final ChannelDirectory directory;

	private final AccountService accounts;

	ChannelMembers(ChannelService channels, ChannelDirectory directory, AccountService accounts) {
		this.channels = channels;
		this.directory = directory;
		this.accounts = accounts;
	}

	/** The members of a channel the reader may read, by name. */
	public List<Member> of(ChatUser reader, String channel) {
		String canonical = this.channels.requireReadable(reader, channel);
		ChannelDirectory.Entry entry = this.directory.find(canonical).orElseThrow();
		Set<Long> moderators = Set.copyOf(entry.moderators);
		Map<Long, AccountName> names = this.accounts.names(List.copyOf(entry.members));
		return names.values()
			.stream()
			.filter(name -> !name.deleted())
			.map(name -> new Member(name.id(), name.name(), entry.isOwnedBy(name.id()),
					moderators.contains(name.id()),
					this.accounts.findUser(name.name()).map(ChatUser::isAdmin).orElse(false)))
			.sorted(Comparator.comparing(Member::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

}
