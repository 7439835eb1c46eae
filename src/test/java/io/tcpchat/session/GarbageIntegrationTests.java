package io.tcpchat.session;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import io.tcpchat.presence.PresenceService;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Garbage, abuse and churn against the real server: it stays up, keeps serving others and leaks no sessions.
 */
class GarbageIntegrationTests extends ChatIntegrationTest {

	@Autowired
	private SessionRegistry sessions;

	@Autowired
	private PresenceService presence;

	@Test
	void randomBytesFromManyConnectionsHurtNobody() throws IOException {
		String name = uniqueName("bystander");
		ChatClient bystander = newUser(name);
		Random random = new Random(42);

		for (int i = 0; i < 40; i++) {
			try (Socket socket = new Socket("127.0.0.1", port())) {
				OutputStream out = socket.getOutputStream();
				out.write(randomBytes(random, 1 + random.nextInt(20_000)));
				if (i % 3 == 0) {
					out.write("//quit\n".getBytes(StandardCharsets.UTF_8));
				}
				else if (i % 3 == 1) {
					out.write("half a line without its end".getBytes(StandardCharsets.UTF_8));
				}
				out.flush();
			}
		}

		bystander.send("still here");
		assertThat(bystander.expect("message").path("text").asString()).isEqualTo("still here");
		bystander.close();
		await().until(() -> this.sessions.size() == 0);
		assertThat(this.presence.isOnline(name)).isFalse();
	}

	@Test
	void aLoggedInUserSendingNonsenseKeepsTheConnection() {
		String name = uniqueName("chaos");
		ChatClient chaos = newUser(name);
		Random random = new Random(7);
		String[] commands = { "join", "leave", "msg", "history", "color", "invite", "ban", "kick", "users", "nope",
				"create-channel", "delete-channel", "format", "help", "channels" };

		for (int i = 0; i < 200; i++) {
			String command = commands[random.nextInt(commands.length)];
			if (!command.equals("format") && !command.equals("delete-channel")) {
				chaos.send("//" + command + " " + randomWord(random) + " " + randomWord(random));
			}
		}
		chaos.sendRaw(new byte[] { (byte) 0xff, (byte) 0xfe, 0, 0x1b, '[', '2', 'J', '\n' });

		chaos.send("//whoami");
		JsonNode whoami = chaos.expectReply("whoami");
		assertThat(whoami.path("data").path("user").asString()).isEqualTo(name);
	}

	@Test
	void thousandsOfConnectAndDisconnectCyclesLeaveNothingBehind() throws IOException {
		for (int i = 0; i < 1000; i++) {
			try (Socket socket = new Socket("127.0.0.1", port())) {
				if (i % 2 == 0) {
					socket.getOutputStream().write("//format json\n".getBytes(StandardCharsets.UTF_8));
				}
			}
		}

		await().until(() -> this.sessions.size() == 0);
		assertThat(this.sessions.countFrom("127.0.0.1")).as("connections counted for the address").isZero();
		String after = uniqueName("after");
		assertThat(newUser(after).command("//whoami").path("data").path("user").asString()).isEqualTo(after);
		assertThat(this.presence.userCount()).isEqualTo(1);
	}

	private static String randomWord(Random random) {
		StringBuilder word = new StringBuilder();
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			word.append((char) (0x21 + random.nextInt(0x5d)));
		}
		return word.toString();
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

}
