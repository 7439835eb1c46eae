package io.tcpchat.channel;

import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.tcpchat.auth.AccountService;
import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Role;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory channels agree with the database after joins race a channel's deletion or each other.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelDirectoryIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private ChannelService channels;

	@Autowired
	private AccountService accounts;

	@Autowired
	private ChannelRepository channelRows;

	@Autowired
	private MembershipRepository membershipRows;

	@Test
	void joinsRacingADeletionLeaveMemoryAsTheDatabaseIs() throws Exception {
		ChatUser admin = this.accounts.create(uniqueName("boss"), PASSWORD, EnumSet.of(Role.ADMIN));
		ChatUser joiner = this.accounts.create(uniqueName("joiner"), PASSWORD, EnumSet.of(Role.USER));
		for (int round = 0; round < 15; round++) {
			String name = uniqueName("race");
			// an owner per round: a user may create only so many channels an hour
			ChatUser owner = this.accounts.create(uniqueName("owner"), PASSWORD, EnumSet.of(Role.USER));
			this.channels.createChannel(owner, name, false);
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<?> join = CompletableFuture
				.runAsync(() -> quietly(start, () -> this.channels.join(joiner, name)));
			CompletableFuture<?> delete = CompletableFuture
				.runAsync(() -> quietly(start, () -> this.channels.delete(admin, name)));
			start.countDown();
			CompletableFuture.allOf(join, delete).get(30, TimeUnit.SECONDS);

			Optional<Channel> row = this.channelRows.findByName(name);
			assertThat(this.channels.exists(name)).as("channel %s exists", name).isEqualTo(row.isPresent());
			if (row.isPresent()) {
				boolean member = this.membershipRows.findByChannelIdAndAccountId(row.get().id(), joiner.id())
					.filter(m -> m.kind() == Membership.Kind.MEMBER)
					.isPresent();
				assertThat(this.channels.memberIds(name).contains(joiner.id())).isEqualTo(member);
			}
			assertThat(this.channels.channelsOf(joiner.id()).contains(name)).isEqualTo(row.isPresent()
					&& this.channels.memberIds(name).contains(joiner.id()));
		}
	}

	@Test
	void usersCreatingTheSameChannelAtOnceAllJoinItWithoutAWarning(CapturedOutput output) throws Exception {
		for (int round = 0; round < 10; round++) {
			String name = uniqueName("rush");
			ChatUser first = this.accounts.create(uniqueName("first"), PASSWORD, EnumSet.of(Role.USER));
			ChatUser second = this.accounts.create(uniqueName("second"), PASSWORD, EnumSet.of(Role.USER));
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<?> one = CompletableFuture
				.runAsync(() -> atOnce(start, () -> this.channels.join(first, name)));
			CompletableFuture<?> two = CompletableFuture
				.runAsync(() -> atOnce(start, () -> this.channels.join(second, name)));
			start.countDown();
			CompletableFuture.allOf(one, two).get(30, TimeUnit.SECONDS);

			assertThat(this.channels.memberIds(name)).contains(first.id(), second.id());
		}
		// the loser of each race took the duplicate key as "join theirs": an expected race, not a problem to log
		assertThat(output.getAll()).doesNotContain("HHH000247").doesNotContainIgnoringCase("unique index");
	}

	private static void atOnce(CountDownLatch start, Runnable work) {
		try {
			start.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		work.run();
	}

	private static void quietly(CountDownLatch start, Runnable work) {
		try {
			start.await(5, TimeUnit.SECONDS);
			work.run();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// lost the race (not-found, forbidden): what counts is that memory agrees with the database
		}
	}

}
