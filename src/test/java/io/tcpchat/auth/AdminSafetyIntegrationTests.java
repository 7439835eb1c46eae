package io.tcpchat.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.tcpchat.support.AdminHttp;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is always an admin: admins cannot remove each other at once, the bootstrap admin cannot be removed, and
 * nobody can register the admin's or a service's name (issue 14, #4).
 */
class AdminSafetyIntegrationTests extends ChatIntegrationTest {

	@Test
	void twoAdminsDeletingEachOtherAtOnceCannotBothSucceed() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 6; round++) {
				String b = createAdmin(uniqueName("bea"));
				String c = createAdmin(uniqueName("cid"));
				CyclicBarrier start = new CyclicBarrier(2);
				CompletableFuture<Integer> bDeletesC = CompletableFuture
					.supplyAsync(() -> deleteAfter(start, http(b, PASSWORD), c), pool);
				CompletableFuture<Integer> cDeletesB = CompletableFuture
					.supplyAsync(() -> deleteAfter(start, http(c, PASSWORD), b), pool);

				List<Integer> statuses = List.of(bDeletesC.get(), cDeletesB.get());

				assertThat(statuses).as("round " + round).containsOnlyOnce(204);
				assertThat(statuses).as("round " + round).allMatch(s -> s == 204 || s == 401 || s == 403);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theBootstrapAdminCannotBeDeletedBannedOrResetByAnotherAdmin() {
		String other = createAdmin(uniqueName("otto"));
		AdminHttp otto = http(other, PASSWORD);

		assertThat(otto.delete("/api/users/admin").status()).isEqualTo(403);
		assertThat(otto.put("/api/users/ADMIN/password", "{\"password\":\"taken-over-1\"}").status()).isEqualTo(403);
		assertThat(otto.post("/api/bans", "{\"username\":\"admin\",\"reason\":\"coup\"}").status()).isEqualTo(403);
		ChatClient tcp = connect().login(other, PASSWORD);
		assertThat(tcp.commandError("//ban admin coup").path("code").asString()).isEqualTo("forbidden");
		assertThat(adminHttp().delete("/api/users/admin").status()).as("not even itself").isEqualTo(400);

		admin().command("//whoami");
		assertThat(adminHttp().get("/api/bans").json().valueStream().map(b -> b.path("username").asString()))
			.doesNotContain("admin");
		assertThat(adminHttp().delete("/api/users/" + other).status()).isEqualTo(204);
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "ADMIN", "adrnin", "ChatServ", "chatserv", "NickServ", "server", "system",
			"systern", "ChanServ" })
	void reservedNamesCannotBeRegisteredOrCreated(String name) {
		assertThat(connect().json().commandError("//register " + name + " " + PASSWORD).path("code").asString())
			.isEqualTo("already-exists");
		assertThat(adminHttp().post("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}")
			.status()).isEqualTo(409);
	}

	@Test
	void confusableNamesAreRefused() {
		String alice = uniqueName("alice");
		String maria = uniqueName("maria");
		String zoe = uniqueName("zo0e");
		newUser(alice).close();
		newUser(maria).close();
		newUser(zoe).close();

		for (String lookAlike : new String[] { alice.replace("l", "I"), maria.replace("m", "rn"),
				zoe.replace("0", "O") }) {
			assertThat(connect().json().commandError("//register " + lookAlike + " " + PASSWORD).path("code")
				.asString()).as(lookAlike).isEqualTo("already-exists");
		}
	}

	private String createAdmin(String name) {
		int status = adminHttp()
			.post("/api/users", "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"ADMIN\"]}")
			.status();
		assertThat(status).isEqualTo(201);
		return name;
	}

	private static int deleteAfter(CyclicBarrier start, AdminHttp actor, String target) {
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return actor.delete("/api/users/" + target).status();
	}

}
