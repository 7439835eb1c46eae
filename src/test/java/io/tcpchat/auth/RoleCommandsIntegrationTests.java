package io.tcpchat.auth;

import java.util.List;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15, part 7: admins list accounts and change roles from chat, never leaving zero admins, all audited. */
class RoleCommandsIntegrationTests extends ChatIntegrationTest {

	@Test
	void anAdminPromotesAUserWhoseOpenSessionGetsTheRoleAtOnceThenDemotesThem() {
		String dana = uniqueName("dana");
		ChatClient d = newUser(dana);
		ChatClient admin = admin();
		assertThat(d.commandError("//accounts").path("code").asString()).isEqualTo("forbidden");

		JsonNode promoted = admin.command("//role " + dana + " admin");
		assertThat(promoted.path("data").path("roles").valueStream().map(JsonNode::asString)).contains("ADMIN");
		assertThat(d.command("//accounts").path("data").path("accounts").isArray()).isTrue();

		admin.command("//role " + dana + " user");
		assertThat(d.expect("bye").path("reason").asString()).isEqualTo("roles-changed");
		ChatClient again = connect().login(dana, PASSWORD);
		assertThat(again.commandError("//accounts").path("code").asString()).isEqualTo("forbidden");
		List<String> audited = adminHttp().get("/api/audit?limit=20")
			.json()
			.valueStream()
			.filter(e -> e.path("action").asString().equals("role"))
			.map(e -> e.path("target").asString() + " " + e.path("detail").asString())
			.toList();
		assertThat(audited).contains(dana + " admin", dana + " user");
	}

	@Test
	void theLastAdminAndTheConfiguredAdminKeepTheirRole() {
		String solo = uniqueName("solo");
		ChatClient admin = admin();
		newUser(solo);
		admin.command("//role " + solo + " admin");

		assertThat(admin.commandError("//role admin user").path("code").asString()).isEqualTo("forbidden");
		assertThat(admin.commandError("//role " + solo + " root").path("code").asString())
			.isEqualTo("invalid-argument");
		assertThat(admin.commandError("//role " + uniqueName("ghost") + " admin").path("code").asString())
			.isEqualTo("not-found");
		admin.command("//role " + solo + " user");
	}

	@Test
	void restChangesRolesAndListsAccountsLikeTheCommands() {
		String rita = uniqueName("rita");
		newUser(rita);

		var promoted = adminHttp().put("/api/users/" + rita + "/role", "{\"role\":\"ADMIN\"}");
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.json().path("roles").valueStream().map(JsonNode::asString)).contains("ADMIN");
		assertThat(http(rita, PASSWORD).get("/api/users?page=1&size=500").status()).isEqualTo(200);
		assertThat(adminHttp().put("/api/users/admin/role", "{\"role\":\"USER\"}").status()).isEqualTo(403);
		assertThat(adminHttp().put("/api/users/" + rita + "/role", "{\"role\":\"ROOT\"}").status()).isEqualTo(400);
		assertThat(adminHttp().put("/api/users/" + rita + "/role", "{\"role\":\"USER\"}").status()).isEqualTo(200);
		assertThat(http(rita, PASSWORD).get("/api/users").status()).isEqualTo(403);
	}

	@Test
	void accountsArePagedByName() {
		ChatClient admin = admin();
		JsonNode first = admin.command("//accounts");
		assertThat(first.path("data").path("page").asInt()).isEqualTo(1);
		List<String> names = first.path("data").path("accounts").valueStream().map(a -> a.path("username").asString())
			.toList();
		assertThat(names).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
		assertThat(admin.command("//accounts 1000").path("data").path("accounts").isEmpty()).isTrue();
		assertThat(admin.commandError("//accounts zero").path("code").asString()).isEqualTo("invalid-argument");
	}

}
