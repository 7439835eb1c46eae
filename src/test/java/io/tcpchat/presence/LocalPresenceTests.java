package io.tcpchat.presence;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence answers from its indexes by user: counts and listings without a scan of the sessions.
 */
class LocalPresenceTests {

	private final LocalPresence presence = new LocalPresence(new AwayStatus());

	@Test
	void countsUsersNotSessions() {
		this.presence.online(session("s1", 1, "alice", 10));
		this.presence.online(session("s2", 1, "alice", 5));
		this.presence.online(session("s3", 2, "bob", 7));

		assertThat(this.presence.userCount()).isEqualTo(2);
		assertThat(this.presence.usernames()).containsExactly("alice", "bob");
		assertThat(this.presence.sessionsByUser()).anySatisfy(list -> assertThat(list)
			.extracting(OnlineUser::sessionId)
			.containsExactly("s2", "s1"));
		assertThat(this.presence.isOnline("ALICE")).isTrue();
		assertThat(this.presence.isOnline(2)).isTrue();
	}

	@Test
	void aUserGoesOfflineWithTheLastSession() {
		this.presence.online(session("s1", 1, "alice", 10));
		this.presence.online(session("s2", 1, "alice", 5));

		this.presence.offline("s2");
		assertThat(this.presence.isOnline(1)).isTrue();
		this.presence.offline("s1");
		this.presence.offline("s1");

		assertThat(this.presence.isOnline(1)).isFalse();
		assertThat(this.presence.isOnline("alice")).isFalse();
		assertThat(this.presence.userCount()).isZero();
	}

	@Test
	void findsTheMembersOnlineFromWhicheverSideIsSmaller() {
		this.presence.online(session("s1", 1, "alice", 10));
		this.presence.online(session("s2", 2, "bob", 10));

		assertThat(this.presence.onlineAmong(Set.of(2L, 3L))).extracting(OnlineUser::username).containsExactly("bob");
		assertThat(this.presence.onlineAmong(Set.of(1L, 3L, 4L, 5L))).extracting(OnlineUser::username)
			.containsExactly("alice");
	}

	private static OnlineUser session(String id, long userId, String name, long connectedAt) {
		return new OnlineUser(id, userId, name, Instant.ofEpochSecond(connectedAt), "node",
				"127.0.0.1");
	}

}
