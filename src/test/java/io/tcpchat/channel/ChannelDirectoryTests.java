package io.tcpchat.channel;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.tcpchat.event.ChatEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory channels follow every event that changes them, and stay right when the events of concurrent
 * changes arrive in any order.
 */
class ChannelDirectoryTests {

	private final ChannelDirectory directory = new ChannelDirectory();

	@BeforeEach
	void loadGeneral() {
		ChannelDirectory.Entry general = new ChannelDirectory.Entry(1, "general", false, null);
		general.members.add(1L);
		this.directory.load(List.of(general));
	}

	@Test
	void loadsChannelsWithTheirMembers() {
		assertThat(this.directory.isMember("general", 1)).isTrue();
		assertThat(this.directory.channelsOf(1)).containsExactly("general");
		assertThat(this.directory.isMember("general", 2)).isFalse();
	}

	@Test
	void followsACreatedChannelAndItsFirstMember() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", true, 2L));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 2, "bob"));

		ChannelDirectory.Entry dev = this.directory.find("dev").orElseThrow();
		assertThat(dev.isPrivate).isTrue();
		assertThat(dev.isOwnedBy(2)).isTrue();
		assertThat(this.directory.isMember("dev", 2)).isTrue();
		assertThat(this.directory.channelsOf(2)).containsExactly("dev");
	}

	@Test
	void aLateEventAboutADeletedChannelLeavesTheNewChannelOfTheSameNameAlone() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", false, 2L, 10));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 2, "bob", 10));
		this.directory.onEvent(new ChatEvent.ChannelDeleted("dev", 10));
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", false, 3L, 11));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 3, "carol", 11));

		// events of channel 10 arriving after its successor was created
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 4, "dave", 10));
		this.directory.onEvent(new ChatEvent.MemberLeft("dev", 3, "carol", 10));
		this.directory.onEvent(new ChatEvent.TopicChanged("dev", "old topic", "bob", 10));
		this.directory.onEvent(new ChatEvent.ChannelOwnerChanged("dev", null, null, null, 10));
		this.directory.onEvent(new ChatEvent.ChannelDeleted("dev", 10));
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", true, 2L, 10));

		ChannelDirectory.Entry dev = this.directory.find("dev").orElseThrow();
		assertThat(dev.id).isEqualTo(11);
		assertThat(dev.isPrivate).isFalse();
		assertThat(dev.members).containsExactly(3L);
		assertThat(dev.isOwnedBy(3)).isTrue();
		assertThat(dev.topic).isNull();
		assertThat(this.directory.channelsOf(3)).containsExactly("dev");
		assertThat(this.directory.channelsOf(4)).isEmpty();
		assertThat(this.directory.isMemberOfNewer("dev", 10, 3)).isTrue();
		assertThat(this.directory.isMemberOfNewer("dev", 11, 3)).isFalse();

		this.directory.onEvent(new ChatEvent.ChannelDeleted("dev", 11));
		assertThat(this.directory.find("dev")).isEmpty();
		assertThat(this.directory.channelsOf(3)).isEmpty();
	}

	@Test
	void aCreationOvertakingTheDeletionOfTheOlderChannelReplacesIt() {
		// a join on this node learnt of channel 21 from its row while 20's deletion was still on its way
		this.directory.onEvent(new ChatEvent.ChannelCreated("ops", false, 2L, 20));
		this.directory.onEvent(new ChatEvent.MemberJoined("ops", 2, "bob", 20));
		this.directory.onEvent(new ChatEvent.ChannelCreated("ops", true, 3L, 21));
		this.directory.onEvent(new ChatEvent.MemberJoined("ops", 3, "carol", 21));

		this.directory.onEvent(new ChatEvent.ChannelDeleted("ops", 20));
		this.directory.onEvent(new ChatEvent.ChannelCreated("ops", true, 3L, 21));

		assertThat(this.directory.holds("ops", 21)).isTrue();
		assertThat(this.directory.find("ops").orElseThrow().members).containsExactly(3L);
		assertThat(this.directory.channelsOf(2)).isEmpty();
		assertThat(this.directory.channelsOf(3)).containsExactly("ops");
	}

	@Test
	void eventsWithoutAChannelIdFromOlderNodesApplyByName() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", false, 2L, 30));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 2, "bob"));
		assertThat(this.directory.isMember("dev", 2)).isTrue();

		this.directory.onEvent(new ChatEvent.ChannelDeleted("dev"));
		assertThat(this.directory.find("dev")).isEmpty();
	}

	@Test
	void followsLeavesInvitationsAndOwners() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", true, 2L));
		this.directory.onEvent(new ChatEvent.MemberInvited("dev", 3, "carol"));
		ChannelDirectory.Entry dev = this.directory.find("dev").orElseThrow();
		assertThat(dev.invited).containsExactly(3L);

		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 3, "carol"));
		assertThat(dev.invited).isEmpty();
		assertThat(dev.members).containsExactly(3L);

		this.directory.onEvent(new ChatEvent.MemberLeft("dev", 3, "carol"));
		assertThat(this.directory.isMember("dev", 3)).isFalse();
		assertThat(this.directory.channelsOf(3)).isEmpty();

		this.directory.onEvent(new ChatEvent.ChannelOwnerChanged("dev", null));
		assertThat(dev.ownerId).isNull();
	}

	@Test
	void followsTopicsModeratorsRemovalsAndWithdrawnInvitations() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", true, 2L));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 3, "carol"));
		this.directory.onEvent(new ChatEvent.MemberInvited("dev", 4, "dave", "bob"));
		ChannelDirectory.Entry dev = this.directory.find("dev").orElseThrow();

		this.directory.onEvent(new ChatEvent.TopicChanged("dev", "deploys", "bob"));
		assertThat(dev.topic).isEqualTo("deploys");
		this.directory.onEvent(new ChatEvent.ModeratorChanged("dev", 3, "carol", true, "bob"));
		assertThat(dev.isModeratedBy(3, false)).isTrue();
		this.directory.onEvent(new ChatEvent.ModeratorChanged("dev", 4, "dave", true, "bob"));
		assertThat(dev.moderators).as("only members moderate").containsExactly(3L);

		this.directory.onEvent(new ChatEvent.InvitationWithdrawn("dev", 4, "dave", "bob"));
		assertThat(dev.invited).isEmpty();
		this.directory.onEvent(new ChatEvent.MemberRemoved("dev", 3, "carol", "bob"));
		assertThat(this.directory.isMember("dev", 3)).isFalse();
		assertThat(dev.moderators).isEmpty();
		assertThat(this.directory.channelsOf(3)).isEmpty();

		this.directory.onEvent(new ChatEvent.ChannelOwnerChanged("dev", 3L, "carol", "bob"));
		assertThat(dev.isOwnedBy(3)).isTrue();
		this.directory.onEvent(new ChatEvent.TopicChanged("dev", null, "carol"));
		assertThat(dev.topic).isNull();
	}

	@Test
	void aDeletedChannelIsGoneForEveryMember() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", false, 2L));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 2, "bob"));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 1, "alice"));

		this.directory.onEvent(new ChatEvent.ChannelDeleted("dev"));

		assertThat(this.directory.find("dev")).isEmpty();
		assertThat(this.directory.channelsOf(1)).containsExactly("general");
		assertThat(this.directory.channelsOf(2)).isEmpty();
	}

	@Test
	void aJoinHeardAfterTheDeletionDoesNotBringTheChannelBack() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", false, 2L));

		this.directory.onEvent(new ChatEvent.ChannelDeleted("dev"));
		this.directory.onEvent(new ChatEvent.MemberJoined("dev", 1, "alice"));

		assertThat(this.directory.find("dev")).isEmpty();
		assertThat(this.directory.channelsOf(1)).containsExactly("general");
	}

	@Test
	void aDeletedAccountLosesItsInvitations() {
		this.directory.onEvent(new ChatEvent.ChannelCreated("dev", true, 2L));
		this.directory.onEvent(new ChatEvent.MemberInvited("dev", 3, "carol"));

		this.directory.onEvent(new ChatEvent.UserDeleted(3, "carol"));

		assertThat(this.directory.find("dev").orElseThrow().invited).isEmpty();
	}

	@Test
	void eventsBeforeTheLoadAreLeftToTheLoad() {
		ChannelDirectory fresh = new ChannelDirectory();
		fresh.onEvent(new ChatEvent.ChannelCreated("dev", false, 2L));

		assertThat(fresh.isLoaded()).isFalse();
		assertThat(fresh.find("dev")).isEmpty();
	}

	@Test
	void joinsRacingADeletionLeaveNoMemberOfAMissingChannel() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 200; round++) {
				String name = "race" + round;
				this.directory.onEvent(new ChatEvent.ChannelCreated(name, false, 100L));
				CountDownLatch start = new CountDownLatch(1);
				for (long user = 10; user < 13; user++) {
					long id = user;
					pool.execute(() -> {
						await(start);
						this.directory.onEvent(new ChatEvent.MemberJoined(name, id, "u" + id));
					});
				}
				pool.execute(() -> {
					await(start);
					this.directory.onEvent(new ChatEvent.ChannelDeleted(name));
				});
				start.countDown();
			}
		}
		finally {
			pool.shutdown();
			assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		for (long user = 10; user < 13; user++) {
			assertThat(this.directory.channelsOf(user)).isEmpty();
		}
		assertThat(this.directory.all()).extracting(entry -> entry.name).containsExactly("general");
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
