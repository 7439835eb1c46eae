package io.tcpchat.auth;

import java.util.List;

import io.tcpchat.support.AdminHttp;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity follows the account, not the name: a deleted account's name stays reserved, and whoever gets it after
 * an admin released it inherits nothing (issue 14, #2).
 */
class IdentityIntegrationTests extends ChatIntegrationTest {

	@Test
	void aNewHolderOfADeletedOwnersNameInheritsNothing() {
		String frank = uniqueName("frank");
		String carol = uniqueName("carol");
		String boardroom = uniqueName("boardroom");
		ChatClient f = newUser(frank);
		ChatClient c = newUser(carol);
		f.command("//create-channel #" + boardroom + " private");
		f.command("//invite " + carol);
		c.command("//join #" + boardroom);
		f.send("the merger is secret");
		c.expect("message", m -> m.path("text").asString().equals("the merger is secret"));
		AdminHttp admin = adminHttp();

		assertThat(admin.delete("/api/users/" + frank).status()).isEqualTo(204);
		f.expectClosed();

		JsonNode refused = connect().json().commandError("//register " + frank + " " + PASSWORD);
		assertThat(refused.path("code").asString()).isEqualTo("already-exists");
		assertThat(refused.path("text").asString()).contains("reserved");
		assertThat(admin.post("/api/users", "{\"username\":\"" + frank + "\",\"password\":\"" + PASSWORD + "\"}")
			.status()).isEqualTo(409);

		assertThat(admin.delete("/api/reserved-names/" + frank).status()).isEqualTo(204);
		ChatClient impostor = newUser(frank);

		assertThat(impostor.commandError("//join #" + boardroom).path("code").asString()).isEqualTo("forbidden");
		assertThat(impostor.commandError("//history #" + boardroom).path("code").asString()).isEqualTo("forbidden");
		assertThat(impostor.commandError("//invite " + frank + " #" + boardroom).path("code").asString())
			.isEqualTo("forbidden");
		assertThat(impostor.commandError("//delete-channel #" + boardroom).path("code").asString())
			.isEqualTo("forbidden");
		assertThat(impostor.commandError("//msg #" + boardroom + " hello").path("code").asString())
			.isEqualTo("forbidden");
		assertThat(impostor.command("//channels").path("data").path("channels").valueStream()
			.map(ch -> ch.path("name").asString())).doesNotContain(boardroom);

		JsonNode history = c.command("//history #" + boardroom).path("data").path("messages");
		assertThat(history.valueStream().map(m -> m.path("from").asString())).containsExactly(frank + " (deleted)");
		JsonNode listed = channel(c, boardroom);
		assertThat(listed.path("owner").isNull()).as("nobody owns it now").isTrue();
		assertThat(listed.path("members").asInt()).isEqualTo(1);
	}

	@Test
	void reservedNamesAreListedAndOnlyDeletedOnesCanBeReleased() {
		String gone = uniqueName("gone");
		newUser(gone).close();
		AdminHttp admin = adminHttp();
		assertThat(admin.delete("/api/users/" + gone).status()).isEqualTo(204);

		JsonNode reserved = admin.get("/api/reserved-names").json();
		assertThat(reserved.valueStream().map(r -> r.path("name").asString() + ":" + r.path("reason").asString()))
			.contains("admin:admin", "ChatServ:service", "NickServ:service", "server:service", "system:service",
					gone + ":deleted");
		assertThat(admin.delete("/api/reserved-names/ChatServ").status()).isEqualTo(409);
		assertThat(admin.delete("/api/reserved-names/admin").status()).isEqualTo(409);
		assertThat(admin.delete("/api/reserved-names/" + uniqueName("never")).status()).isEqualTo(404);
		assertThat(http(uniqueName("nobody"), PASSWORD).delete("/api/reserved-names/" + gone).status()).isEqualTo(401);

		ChatClient tcpAdmin = admin();
		JsonNode released = tcpAdmin.command("//release-name " + gone.toUpperCase());
		assertThat(released.path("data").path("username").asString()).isEqualTo(gone);
		assertThat(tcpAdmin.commandError("//release-name " + gone).path("code").asString()).isEqualTo("not-found");
		assertThat(newUser(uniqueName("user")).commandError("//release-name " + gone).path("code").asString())
			.isEqualTo("forbidden");
		assertThat(admin.get("/api/reserved-names").json().valueStream().map(r -> r.path("name").asString()))
			.doesNotContain(gone);
		newUser(gone);
	}

	@Test
	void aDeletedNamesLookAlikesStayReservedToo() {
		String wilma = uniqueName("wilma");
		newUser(wilma).close();
		assertThat(adminHttp().delete("/api/users/" + wilma).status()).isEqualTo(204);

		String lookAlike = wilma.replace("l", "I");
		JsonNode refused = connect().json().commandError("//register " + lookAlike + " " + PASSWORD);

		assertThat(refused.path("code").asString()).isEqualTo("already-exists");
	}

	@Test
	void aDeletedAccountCannotLogInAndItsMessagesStayItsOwn() {
		String dora = uniqueName("dora");
		String room = uniqueName("room");
		ChatClient d = newUser(dora);
		ChatClient witness = newUser(uniqueName("will"));
		d.command("//join " + room);
		witness.command("//join " + room);
		d.send("dora was here");
		witness.expect("message", m -> m.path("text").asString().equals("dora was here"));

		assertThat(adminHttp().delete("/api/users/" + dora).status()).isEqualTo(204);

		assertThat(connect().json().commandError("//login " + dora + " " + PASSWORD).path("code").asString())
			.isEqualTo("bad-credentials");
		assertThat(http(dora, PASSWORD).get("/api/users/online").status()).isEqualTo(401);
		assertThat(witness.command("//history #" + room).path("data").path("messages").valueStream()
			.map(m -> m.path("from").asString())).containsExactly(dora + " (deleted)");
		assertThat(witness.command("//users #" + room).path("data").path("users").valueStream()
			.map(JsonNode::asString)).doesNotContain(dora);
	}

	@Test
	void channelsNobodyOwnsAreDeletedOnceEmpty() {
		String owner = uniqueName("owen");
		String empty = uniqueName("empty");
		String used = uniqueName("used");
		ChatClient o = newUser(owner);
		ChatClient m = newUser(uniqueName("mona"));
		o.command("//create-channel " + empty);
		o.command("//leave #" + empty);
		o.command("//create-channel " + used);
		m.command("//join #" + used);
		m.send("still here");
		m.expect("message", msg -> msg.path("text").asString().equals("still here"));

		assertThat(adminHttp().delete("/api/users/" + owner).status()).isEqualTo(204);

		List<String> names = channelNames(m);
		assertThat(names).as("empty and ownerless: deleted at once").doesNotContain(empty);
		assertThat(names).as("still has a member").contains(used);
		m.command("//leave #" + used);
		assertThat(channelNames(m)).as("its last member left").doesNotContain(used);
		m.command("//join " + used);
		assertThat(m.command("//history #" + used).path("data").path("messages").size()).isZero();
	}

	private static List<String> channelNames(ChatClient client) {
		return client.command("//channels")
			.path("data")
			.path("channels")
			.valueStream()
			.map(c -> c.path("name").asString())
			.toList();
	}

	private static JsonNode channel(ChatClient client, String name) {
		return client.command("//channels")
			.path("data")
			.path("channels")
			.valueStream()
			.filter(c -> c.path("name").asString().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("#" + name + " is not listed"));
	}

}
