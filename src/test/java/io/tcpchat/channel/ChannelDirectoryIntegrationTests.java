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

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory channels agree with the database after joins race a channel's deletion.
 */
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
