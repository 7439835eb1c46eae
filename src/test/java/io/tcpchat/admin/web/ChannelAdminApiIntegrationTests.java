package io.tcpchat.admin.web;

import io.tcpchat.support.AdminHttp.Response;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, parts 3 and 4 over REST: an admin sets a topic, lists members with roles, gives a channel away. */
class ChannelAdminApiIntegrationTests extends ChatIntegrationTest {

	@Test
	void anAdminSetsTopicsListsMembersAndGivesChannels() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("room");
		ChatClient a = newUser(alice);
		a.command("//create-channel " + channel);
		ChatClient b = newUser(bob);
		b.command("//join " + channel);

		Response topic = adminHttp().put("/api/channels/" + channel + "/topic", "{\"topic\":\"from the admin\"}");
		assertThat(topic.status()).isEqualTo(200);
		assertThat(topic.json().path("topic").asString()).isEqualTo("from the admin");
		assertThat(b.expect("topic").path("by").asString()).isEqualTo("admin");
		JsonNode listed = adminHttp().get("/api/channels")
			.json()
			.valueStream()
			.filter(c -> c.path("name").asString().equals(channel))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("topic").asString()).isEqualTo("from the admin");

		JsonNode members = adminHttp().get("/api/channels/" + channel + "/members").json();
		assertThat(members.findValuesAsString("name")).containsExactlyInAnyOrder(alice, bob);

		assertThat(adminHttp().put("/api/channels/" + channel + "/owner", "{\"owner\":\"" + bob + "\"}").status())
			.isEqualTo(200);
		assertThat(adminHttp().get("/api/channels/" + channel + "/members")
			.json()
			.valueStream()
			.filter(m -> m.path("owner").asBoolean())
			.map(m -> m.path("name").asString())).containsExactly(bob);
		assertThat(adminHttp().put("/api/channels/" + channel + "/owner", "{\"owner\":\"" + uniqueName("ghost") + "\"}")
			.status()).isEqualTo(404);
		assertThat(adminHttp().put("/api/channels/" + channel + "/owner", "{}").status()).isEqualTo(400);
		assertThat(http(alice, PASSWORD).get("/api/channels/" + channel + "/members").status()).isEqualTo(403);
	}

}
