package io.tcpchat.channel;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 15, part 4: invitations you can see and undo, //remove, channel moderators and ownership transfer. */
class ModeratorsAndInvitationsIntegrationTests extends ChatIntegrationTest {

	@Test
	void anOnlineInviteeIsToldAndMaySeeTheInvitationUntilItIsWithdrawn() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("secret");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//create-channel " + channel + " private");

		a.command("//invite " + bob);
		JsonNode notice = b.expect("notice", n -> n.path("code").asString().equals("invited"));
		assertThat(notice.path("channel").asString()).isEqualTo(channel);
		assertThat(notice.path("by").asString()).isEqualTo(alice);
		JsonNode invites = b.command("//invites").path("data").path("invites");
		assertThat(invites.size()).isEqualTo(1);
		assertThat(invites.get(0).path("channel").asString()).isEqualTo(channel);
		assertThat(invites.get(0).path("by").asString()).isEqualTo(alice);

		a.command("//uninvite " + bob + " " + channel);
		JsonNode withdrawn = b.expect("notice", n -> n.path("code").asString().equals("uninvited"));
		assertThat(withdrawn.path("by").asString()).isEqualTo(alice);
		assertThat(b.command("//invites").path("data").path("invites").size()).isZero();
		assertThat(b.commandError("//join " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(a.commandError("//uninvite " + bob).path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void anOfflineInviteeIsToldAtTheNextLogin() {
		String carol = uniqueName("carol");
		String channel = uniqueName("secret");
		newUser(carol).close();
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//create-channel " + channel + " private");
		a.command("//invite " + carol);

		ChatClient c = connect().login(carol, PASSWORD);

		JsonNode notice = c.expect("notice", n -> n.path("code").asString().equals("invited"));
		assertThat(notice.path("channel").asString()).isEqualTo(channel);
		c.command("//join " + channel);
		assertThat(c.command("//invites").path("data").path("invites").size()).isZero();
	}

	@Test
	void removedMembersLeaveAreToldAndCannotComeBack() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("secret");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//create-channel " + channel + " private");
		a.command("//invite " + bob);
		b.command("//join " + channel);

		a.command("//remove " + bob + " " + channel);

		JsonNode part = b.expect("part", p -> p.path("user").asString().equals(bob));
		assertThat(part.path("reason").asString()).isEqualTo("removed by " + alice);
		JsonNode notice = b.expect("notice", n -> n.path("code").asString().equals("no-channel"));
		assertThat(notice.path("text").asString()).contains(alice + " removed you from #" + channel);
		assertThat(a.transcript()).as("the channel sees the part").anyMatch(line -> line.contains("\"type\":\"part\"")
				&& line.contains("removed by " + alice));
		assertThat(b.commandError("//join " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(a.commandError("//remove " + bob + " " + channel).path("code").asString()).isEqualTo("not-found");
		assertThat(a.commandError("//remove " + alice + " " + channel).path("code").asString())
			.isEqualTo("invalid-argument");
		assertThat(admin().commandError("//remove " + alice + " general").path("code").asString())
			.isEqualTo("forbidden");
	}

	@Test
	void theOwnersAndModeratorsActionsAreAuditedWithTheirAddress() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String carol = uniqueName("carol");
		String channel = uniqueName("audited");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//create-channel " + channel);
		b.command("//join " + channel);
		newUser(carol).command("//join " + channel);

		a.command("//op " + bob + " " + channel);
		b.command("//topic #" + channel + " audited topic");
		b.command("//remove " + carol + " " + channel);
		a.command("//deop " + bob + " " + channel);
		a.command("//give-channel " + bob + " " + channel);

		List<String> audited = adminHttp().get("/api/audit?limit=50")
			.json()
			.valueStream()
			.filter(entry -> entry.path("address").asString().equals("127.0.0.1"))
			.map(entry -> entry.path("actor").asString() + " " + entry.path("action").asString() + " "
					+ entry.path("target").asString() + " " + entry.path("detail").asString())
			.toList();
		assertThat(audited).contains(alice + " op " + bob + " #" + channel,
				bob + " topic #" + channel + " audited topic", bob + " remove " + carol + " from #" + channel,
				alice + " deop " + bob + " #" + channel, alice + " give-channel #" + channel + " to " + bob);
	}

	@Test
	void plainMembersMayNotInviteUninviteRemoveOrChangeRoles() {
		String bob = uniqueName("bob");
		String carol = uniqueName("carol");
		String dave = uniqueName("dave");
		String channel = uniqueName("room");
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//create-channel " + channel);
		ChatClient b = newUser(bob);
		b.command("//join " + channel);
		newUser(carol).command("//join " + channel);
		newUser(dave);
		a.command("//invite " + dave);

		for (String command : new String[] { "//invite " + dave, "//uninvite " + dave, "//remove " + carol,
				"//op " + carol, "//deop " + carol, "//give-channel " + carol, "//topic mine" }) {
			assertThat(b.commandError(command + (command.startsWith("//topic") ? "" : " " + channel)).path("code")
				.asString()).as(command).isEqualTo("forbidden");
		}
	}

	@Test
	void moderatorsInviteRemoveAndSetTheTopicButNeitherDeleteNorGiveNorMakeModerators() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String carol = uniqueName("carol");
		String dave = uniqueName("dave");
		String channel = uniqueName("secret");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		ChatClient c = newUser(carol);
		newUser(dave);
		a.command("//create-channel " + channel + " private");
		a.command("//invite " + bob);
		b.command("//join " + channel);

		assertThat(a.command("//op " + bob).path("data").path("user").asString()).isEqualTo(bob);
		JsonNode notice = b.expect("notice", n -> n.path("code").asString().equals("moderator"));
		assertThat(notice.path("user").asString()).isEqualTo(bob);
		assertThat(notice.path("by").asString()).isEqualTo(alice);
		assertThat(a.commandError("//op " + bob).path("code").asString()).isEqualTo("already-exists");

		b.command("//invite " + carol + " " + channel);
		b.command("//invite " + dave + " " + channel);
		b.command("//uninvite " + dave + " " + channel);
		c.command("//join " + channel);
		b.command("//topic #" + channel + " moderated");
		b.command("//remove " + carol + " " + channel);
		c.expect("part", p -> p.path("reason").asString().equals("removed by " + bob));

		c.command("//msg " + alice + " let me back");
		a.command("//invite " + carol + " " + channel);
		c.command("//join " + channel);
		a.command("//op " + carol + " " + channel);
		assertThat(b.commandError("//remove " + carol + " " + channel).path("code").asString())
			.as("a moderator does not remove another").isEqualTo("forbidden");
		assertThat(b.commandError("//remove " + alice + " " + channel).path("code").asString())
			.as("nor the owner").isEqualTo("forbidden");
		assertThat(b.commandError("//op " + dave + " " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(b.commandError("//give-channel " + carol + " " + channel).path("code").asString())
			.isEqualTo("forbidden");
		assertThat(b.commandError("//delete-channel " + channel).path("code").asString()).isEqualTo("forbidden");

		a.command("//deop " + bob + " " + channel);
		assertThat(a.commandError("//deop " + bob + " " + channel).path("code").asString()).isEqualTo("not-found");
		assertThat(a.commandError("//op " + dave + " " + channel).path("code").asString())
			.as("not a member").isEqualTo("not-found");
		assertThat(b.commandError("//invite " + dave + " " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(admin().commandError("//op " + bob + " general").path("code").asString()).isEqualTo("forbidden");
	}

	@Test
	void theOwnerGivesTheChannelToAMember() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//create-channel " + channel);

		assertThat(a.commandError("//give-channel " + bob).path("code").asString()).as("not a member")
			.isEqualTo("forbidden");
		b.command("//join " + channel);
		assertThat(a.commandError("//give-channel " + alice).path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//give-channel " + uniqueName("ghost")).path("code").asString())
			.isEqualTo("not-found");

		assertThat(a.command("//give-channel " + bob).path("data").path("owner").asString()).isEqualTo(bob);

		JsonNode notice = b.expect("notice", n -> n.path("code").asString().equals("owner"));
		assertThat(notice.path("user").asString()).isEqualTo(bob);
		assertThat(notice.path("by").asString()).isEqualTo(alice);
		await().until(() -> ChannelIntegrationTests.channelEntry(a, channel).path("owner").asString().equals(bob));
		assertThat(a.commandError("//op " + bob + " " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(b.command("//op " + alice + " " + channel).path("data").path("user").asString()).isEqualTo(alice);
		assertThat(a.commandError("//give-channel " + alice + " general").path("code").asString())
			.isEqualTo("forbidden");
	}

}
