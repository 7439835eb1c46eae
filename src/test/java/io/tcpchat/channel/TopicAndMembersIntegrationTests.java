package io.tcpchat.channel;

import java.util.HashMap;
import java.util.Map;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 15, part 3: topics (set, shown on join and in //channels, sent to members) and //members. */
class TopicAndMembersIntegrationTests extends ChatIntegrationTest {

	@Test
	void theOwnerSetsATopicThatMembersSeeAndJoinersAreShown() {
		String alice = uniqueName("alice");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		ChatClient b = newUser(uniqueName("bob"));
		a.command("//create-channel " + channel);
		b.command("//join " + channel);

		JsonNode set = a.command("//topic #" + channel + "   Deploys   at 5  ");
		assertThat(set.path("data").path("topic").asString()).isEqualTo("Deploys   at 5");
		JsonNode event = b.expect("topic", t -> t.path("channel").asString().equals(channel));
		assertThat(event.path("topic").asString()).isEqualTo("Deploys   at 5");
		assertThat(event.path("by").asString()).isEqualTo(alice);

		ChatClient c = newUser(uniqueName("carol"));
		JsonNode joined = c.command("//join " + channel);
		assertThat(joined.path("data").path("topic").asString()).isEqualTo("Deploys   at 5");
		assertThat(joined.path("text").asString()).contains("Topic: Deploys   at 5");
		assertThat(ChannelIntegrationTests.channelEntry(c, channel).path("topic").asString())
			.isEqualTo("Deploys   at 5");
		assertThat(c.command("//topic").path("data").path("topic").asString()).isEqualTo("Deploys   at 5");

		a.command("//topic #" + channel + " -");
		JsonNode cleared = b.expect("topic", t -> t.path("channel").asString().equals(channel));
		assertThat(cleared.has("topic")).isFalse();
		assertThat(c.command("//topic #" + channel).path("data").path("topic").isNull()).isTrue();
		assertThat(ChannelIntegrationTests.channelEntry(c, channel).path("topic").isNull()).isTrue();
	}

	@Test
	void onlyTheOwnerModeratorsAndAdminsSetATopic() {
		String channel = uniqueName("room");
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//create-channel " + channel);
		ChatClient b = newUser(uniqueName("bob"));
		b.command("//join " + channel);

		assertThat(b.commandError("//topic new topic").path("code").asString()).isEqualTo("forbidden");
		assertThat(b.commandError("//topic #general mine now").path("code").asString()).isEqualTo("forbidden");
		assertThat(a.commandError("//topic " + "x".repeat(ChannelTopics.MAX_LENGTH + 1)).path("code").asString())
			.isEqualTo("invalid-argument");
		assertThat(a.commandError("//topic #" + uniqueName("nowhere") + " hi").path("code").asString())
			.isEqualTo("not-found");
		assertThat(admin().command("//topic #" + channel + " set by an admin").path("data").path("topic").asString())
			.isEqualTo("set by an admin");
	}

	@Test
	void aPrivateChannelsTopicIsForItsMembers() {
		String channel = uniqueName("secret");
		ChatClient a = newUser(uniqueName("alice"));
		a.command("//create-channel " + channel + " private");
		a.command("//topic hush");

		assertThat(newUser(uniqueName("eve")).commandError("//topic #" + channel).path("code").asString())
			.isEqualTo("forbidden");
	}

	@Test
	void membersShowsRolesPresenceAndAway() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String carol = uniqueName("carol");
		String dave = uniqueName("dave");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		a.command("//create-channel " + channel);
		newUser(bob).command("//join " + channel);
		ChatClient c = newUser(carol);
		c.command("//join " + channel);
		ChatClient d = newUser(dave);
		d.command("//join " + channel);
		ChatClient root = admin();
		root.command("//join " + channel);
		a.command("//op " + bob);
		c.command("//away at lunch");
		d.close();
		await().until(() -> !a.command("//whois " + dave).path("data").path("online").asBoolean());

		JsonNode reply = c.command("//members " + channel);

		Map<String, JsonNode> byName = new HashMap<>();
		reply.path("data").path("members").forEach(m -> byName.put(m.path("user").asString(), m));
		assertThat(byName.keySet()).containsExactlyInAnyOrder(alice, bob, carol, dave, "admin");
		assertThat(byName.get(alice).path("roles").toString()).isEqualTo("[\"owner\"]");
		assertThat(byName.get(bob).path("roles").toString()).isEqualTo("[\"moderator\"]");
		assertThat(byName.get("admin").path("roles").toString()).isEqualTo("[\"admin\"]");
		assertThat(byName.get(carol).path("away").asString()).isEqualTo("at lunch");
		assertThat(byName.get(carol).path("online").asBoolean()).isTrue();
		assertThat(byName.get(dave).path("online").asBoolean()).isFalse();
		assertThat(reply.path("text").asString()).contains(alice + " (owner) - online", dave + " - offline",
				carol + " - online, away: at lunch");
	}

	@Test
	void membersOfAPrivateChannelAreForItsMembers() {
		String channel = uniqueName("secret");
		newUser(uniqueName("alice")).command("//create-channel " + channel + " private");

		ChatClient eve = newUser(uniqueName("eve"));
		assertThat(eve.commandError("//members " + channel).path("code").asString()).isEqualTo("forbidden");
		assertThat(eve.commandError("//members " + uniqueName("nowhere")).path("code").asString())
			.isEqualTo("not-found");
		assertThat(admin().command("//members " + channel).path("data").path("members").size()).isEqualTo(1);
	}

}
