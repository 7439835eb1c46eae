package io.tcpchat.auth;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.tcpchat.config.ChatProperties;

import org.springframework.stereotype.Component;

/**
 * Names nobody may register: the bootstrap admin's ({@code chat.admin.username}) and the service names of
 * {@code chat.reserved-names} (such as {@code ChatServ}, {@code server}, {@code system}), and names that look
 * like them ({@link Usernames#skeleton}). Deleted accounts' names are reserved by their tombstones instead.
 */
@Component
class ReservedNames {

	private final List<String> names;

	private final Set<String> skeletons;

	ReservedNames(ChatProperties properties) {
		this.names = Stream.concat(Stream.of(properties.admin().username()), properties.reservedNames().stream())
			.distinct()
			.toList();
		this.skeletons = this.names.stream().map(Usernames::skeleton).collect(Collectors.toUnmodifiableSet());
	}

	boolean isReserved(String name) {
		return this.skeletons.contains(Usernames.skeleton(name));
	}

	/** The configured names, the bootstrap admin's first. */
	List<String> names() {
		return this.names;
	}

}
