package io.tcpchat.auth;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.tcpchat.event.ChatEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user directory serves names from memory and drops an entry on every event that changes the account.
 */
class UserDirectoryTests {

	private final UserDirectory directory = new UserDirectory();

	private final AtomicReference<Optional<ChatUser>> record = new AtomicReference<>(Optional.empty());

	private final AtomicInteger reads = new AtomicInteger();

	private Optional<ChatUser> find(String name) {
		return this.directory.find(Usernames.key(name), key -> {
			this.reads.incrementAndGet();
			return this.record.get();
		});
	}

	@Test
	void readsTheDatabaseOnlyOnAMiss() {
		this.record.set(Optional.of(alice("#ff8800")));

		assertThat(find("alice")).contains(alice("#ff8800"));
		assertThat(find("ALICE")).contains(alice("#ff8800"));
		assertThat(this.reads).hasValue(1);
	}

	@Test
	void anUnknownNameIsRememberedUntilTheAccountIsCreated() {
		assertThat(find("alice")).isEmpty();
		assertThat(find("alice")).isEmpty();
		assertThat(this.reads).hasValue(1);

		this.record.set(Optional.of(alice("#ff8800")));
		this.directory.onEvent(new ChatEvent.UserCreated(1, "alice", List.of("USER"), "#ff8800"));

		assertThat(find("alice")).contains(alice("#ff8800"));
	}

	@Test
	void aColourChangeIsSeenAtOnce() {
		this.record.set(Optional.of(alice("#ff8800")));
		find("alice");

		this.record.set(Optional.of(alice("#00aaff")));
		this.directory.onEvent(new ChatEvent.UserUpdated(1, "alice", List.of("USER"), "#00aaff"));

		assertThat(find("alice")).contains(alice("#00aaff"));
	}

	@Test
	void aDeletedAccountIsNoLongerFound() {
		this.record.set(Optional.of(alice("#ff8800")));
		find("alice");

		this.record.set(Optional.empty());
		this.directory.onEvent(new ChatEvent.UserDeleted(1, "alice"));

		assertThat(find("alice")).isEmpty();
	}

	@Test
	void aReleasedNameIsLookedUpAgain() {
		find("alice");

		this.record.set(Optional.of(alice("#ff8800")));
		this.directory.onEvent(new ChatEvent.NameReleased(1, "alice"));

		assertThat(find("alice")).contains(alice("#ff8800"));
	}

	@Test
	void otherEventsLeaveTheDirectoryAlone() {
		this.record.set(Optional.of(alice("#ff8800")));
		find("alice");

		this.directory.onEvent(new ChatEvent.MemberJoined("general", 1, "alice"));
		find("alice");

		assertThat(this.reads).hasValue(1);
	}

	private static ChatUser alice(String color) {
		return new ChatUser(1, "alice", Set.of(Role.USER), color);
	}

}
