package io.tcpchat.channel;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelIntegrationTests extends ChatIntegrationTest {

	@Test
	void joiningCreatesAPublicChannelAndMakesItCurrent() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);

		JsonNode reply = a.command("//join #" + channel.toUpperCase());

		assertThat(reply.path("data").path("channel").asString()).isEqualTo(channel);
		assertThat(a.command("//whoami").path("data").path("current").asString()).isEqualTo(channel);
		JsonNode listed = channelEntry(newUser(uniqueName("bob")), channel);
		assertThat(listed.path("private").asBoolean()).isFalse();
		assertThat(listed.path("members").asInt()).isEqualTo(1);
	}

	@Test
	void membersSeeOthersJoinAndLeave() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(bob);
		a.command("//join " + channel);

		b.command("//join #" + channel);
		JsonNode join = a.expect("join", j -> j.path("user").asString().equals(bob));
		assertThat(join.path("channel").asString()).isEqualTo(channel);

		JsonNode left = b.command("//leave");
		assertThat(left.path("data").path("channel").asString()).isEqualTo(channel);
		JsonNode part = a.expect("part", p -> p.path("user").asString().equals(bob));
		assertThat(part.path("channel").asString()).isEqualTo(channel);
		assertThat(b.transcript()).anyMatch(line -> line.contains("\"type\":\"notice\",\"code\":\"no-channel\""));
		assertThat(b.command("//whoami").path("data").path("current").isNull()).isTrue();
		assertThat(b.command("//whoami").path("data").path("channels").valueStream().map(JsonNode::asString))
			.doesNotContain(channel);
	}

	@Test
	void theDefaultChannelCannotBeLeft() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//leave #general").path("code").asString()).isEqualTo("forbidden");
		assertThat(a.commandError("//leave").path("code").asString()).isEqualTo("forbidden");
	}

	@Test
	void leavingAChannelYouAreNotInIsRefused() {
		String channel = uniqueName("room");
		newUser(uniqueName("alice")).command("//join " + channel);

		JsonNode error = newUser(uniqueName("bob")).commandError("//leave #" + channel);

		assertThat(error.path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void badChannelNamesAreRefused() {
		ChatClient a = newUser(uniqueName("alice"));

		assertThat(a.commandError("//join #no.dots").path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//join " + "x".repeat(51)).path("code").asString()).isEqualTo("invalid-argument");
		assertThat(a.commandError("//join").path("code").asString()).isEqualTo("invalid-argument");
	}

	@Test
	void aPrivateChannelIsOnlyForTheInvited() {
		String owner = uniqueName("olga");
		String guest = uniqueName("gina");
		String channel = uniqueName("secret");
		ChatClient o = newUser(owner);
		ChatClient g = newUser(guest);
		ChatClient stranger = newUser(uniqueName("sid"));

		JsonNode created = o.command("//create-channel #" + channel + " private");
		assertThat(created.path("data").path("private").asBoolean()).isTrue();
		assertThat(o.command("//whoami").path("data").path("current").asString()).isEqualTo(channel);
		assertThat(channelEntry(o, channel).path("private").asBoolean()).isTrue();
		assertThat(channelNames(g)).doesNotContain(channel);
		assertThat(g.commandError("//join #" + channel).path("code").asString()).isEqualTo("forbidden");

		assertThat(stranger.commandError("//invite " + guest + " #" + channel).path("code").asString())
			.isEqualTo("forbidden");
		JsonNode invited = o.command("//invite " + guest.toUpperCase());
		assertThat(invited.path("data").path("user").asString()).isEqualTo(guest);
		assertThat(invited.path("data").path("channel").asString()).isEqualTo(channel);
		g.command("//join #" + channel);

		o.expect("join", j -> j.path("user").asString().equals(guest));
		assertThat(channelNames(g)).contains(channel);
		assertThat(channelNames(stranger)).doesNotContain(channel);
		assertThat(stranger.commandError("//join #" + channel).path("code").asString()).isEqualTo("forbidden");
	}

	@Test
	void anAdminMayInviteToAnyPrivateChannel() {
		String channel = uniqueName("secret");
		String guest = uniqueName("gina");
		newUser(uniqueName("olga")).command("//create-channel " + channel + " private");
		ChatClient g = newUser(guest);
		assertThat(g.commandError("//users #" + channel).path("code").asString()).isEqualTo("forbidden");

		admin().command("//invite " + guest + " #" + channel);

		g.command("//join #" + channel);
		assertThat(g.command("//users #" + channel).path("data").path("users").valueStream().map(JsonNode::asString))
			.contains(guest);
	}

	@Test
	void creatingAnExistingChannelIsRefused() {
		String channel = uniqueName("room");
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//create-channel " + channel);

		assertThat(a.commandError("//create-channel #" + channel.toUpperCase()).path("code").asString())
			.isEqualTo("already-exists");
		assertThat(a.commandError("//create-channel " + uniqueName("room") + " secretive").path("code").asString())
			.isEqualTo("invalid-argument");
	}

	@Test
	void invitingAnUnknownUserIsRefused() {
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//create-channel " + uniqueName("room") + " private");

		assertThat(a.commandError("//invite " + uniqueName("ghost")).path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void theOwnerDeletesAChannelAfterConfirmingAndItsHistoryGoesWithIt() {
		String owner = uniqueName("olga");
		String member = uniqueName("mia");
		String channel = uniqueName("doomed");
		ChatClient o = newUser(owner);
		ChatClient m = newUser(member);
		o.command("//create-channel " + channel);
		m.command("//join #" + channel);
		o.send("doomed message");
		m.expect("message", msg -> msg.path("text").asString().equals("doomed message"));
		m.command("//leave #" + channel);
		m.command("//join #" + channel);
		ChatClient admin = admin();

		admin.send("//delete-channel #" + channel);
		JsonNode confirm = admin.expect("prompt");
		assertThat(confirm.path("field").asString()).isEqualTo("confirm");
		assertThat(confirm.path("secret").asBoolean()).isFalse();
		admin.send("yes");

		JsonNode reply = admin.expectReply("delete-channel");
		assertThat(reply.path("data").path("deleted").asBoolean()).isTrue();
		JsonNode part = m.expect("part", p -> p.path("channel").asString().equals(channel)
				&& p.path("reason").asString().equals("channel deleted"));
		assertThat(part.path("user").asString()).isEqualTo(member);
		assertThat(channelNames(m)).doesNotContain(channel);
		assertThat(m.command("//whoami").path("data").path("current").isNull()).isTrue();
		assertThat(m.commandError("//history #" + channel).path("code").asString()).isEqualTo("not-found");
		m.command("//join #" + channel);
		assertThat(m.command("//history #" + channel).path("data").path("messages").size()).isZero();
	}

	@Test
	void anOwnerMayDeleteAChannelOnlyWhileAloneInIt() {
		String channel = uniqueName("shared");
		ChatClient o = newUser(uniqueName("olga"));
		ChatClient m = newUser(uniqueName("mia"));
		o.command("//create-channel " + channel);
		m.command("//join #" + channel);

		JsonNode refused = o.commandError("//delete-channel #" + channel);
		assertThat(refused.path("code").asString()).isEqualTo("forbidden");
		assertThat(refused.path("text").asString()).contains("other members");
		assertThat(channelNames(m)).contains(channel);

		m.command("//leave #" + channel);
		o.send("//delete-channel #" + channel);
		o.expect("prompt", p -> p.path("field").asString().equals("confirm"));
		o.send("yes");
		assertThat(o.expectReply("delete-channel").path("data").path("deleted").asBoolean()).isTrue();
	}

	@Test
	void aMemberWhoJoinsWhileTheOwnerConfirmsStillStopsTheDeletion() {
		String channel = uniqueName("raced");
		ChatClient o = newUser(uniqueName("olga"));
		ChatClient m = newUser(uniqueName("mia"));
		o.command("//create-channel " + channel);
		o.send("//delete-channel #" + channel);
		o.expect("prompt", p -> p.path("field").asString().equals("confirm"));

		m.command("//join #" + channel);
		o.send("yes");

		assertThat(o.expectError("forbidden").path("command").asString()).isEqualTo("delete-channel");
		assertThat(channelNames(m)).contains(channel);
	}

	@Test
	void textChannelsShowTheOwner() {
		String owner = uniqueName("olga");
		String channel = uniqueName("listed");
		newUser(owner).command("//create-channel " + channel);
		ChatClient viewer = newUser(uniqueName("vic"));
		viewer.send("//format text");
		viewer.send("//channels");

		String line = viewer.expectLine(l -> l.contains("#" + channel));
		assertThat(line).contains("owner " + owner);
	}

	@Test
	void anyOtherAnswerKeepsTheChannel() {
		String channel = uniqueName("kept");
		ChatClient o = newUser(uniqueName("olga"));
		o.command("//create-channel " + channel);

		o.send("//delete-channel " + channel);
		o.expect("prompt", p -> p.path("field").asString().equals("confirm"));
		o.send("no");

		assertThat(o.expectReply("delete-channel").path("data").path("deleted").asBoolean()).isFalse();
		assertThat(channelNames(o)).contains(channel);
	}

	@Test
	void onlyTheOwnerOrAnAdminMayDeleteAChannel() {
		String channel = uniqueName("owned");
		newUser(uniqueName("olga")).command("//create-channel " + channel);
		ChatClient other = newUser(uniqueName("otto"));

		assertThat(other.commandError("//delete-channel " + channel).path("code").asString()).isEqualTo("forbidden");

		ChatClient admin = admin();
		admin.send("//delete-channel #" + channel);
		admin.expect("prompt", p -> p.path("field").asString().equals("confirm"));
		admin.send("YES");
		assertThat(admin.expectReply("delete-channel").path("data").path("deleted").asBoolean()).isTrue();
		assertThat(admin.commandError("//delete-channel " + channel).path("code").asString()).isEqualTo("not-found");
	}

	@Test
	void theDefaultChannelCannotBeDeletedEvenByAnAdmin() {
		assertThat(admin().commandError("//delete-channel #general").path("code").asString()).isEqualTo("forbidden");
	}

	private static List<String> channelNames(ChatClient client) {
		return client.command("//channels")
			.path("data")
			.path("channels")
			.valueStream()
			.map(c -> c.path("name").asString())
			.toList();
	}

	static JsonNode channelEntry(ChatClient client, String channel) {
		return client.command("//channels")
			.path("data")
			.path("channels")
			.valueStream()
			.filter(c -> c.path("name").asString().equals(channel))
			.findFirst()
			.orElseThrow(() -> new AssertionError("#" + channel + " is not listed"));
	}

	@Test
	void usersJoiningANewChannelAtOnceAllGetIn() {
		String channel = "rush-" + uniqueName("c");
		List<ChatClient> users = java.util.stream.IntStream.range(0, 6).mapToObj(i -> newUser(uniqueName("rush"))).toList();

		users.forEach(user -> user.send("//join " + channel));

		for (ChatClient user : users) {
			JsonNode outcome = user.expect("reply", r -> r.path("command").asString().equals("join"));
			assertThat(outcome.path("data").path("channel").asString()).isEqualTo(channel);
		}
		assertThat(users.get(0).command("//users #" + channel).path("data").path("users").size()).isEqualTo(6);
	}

}
