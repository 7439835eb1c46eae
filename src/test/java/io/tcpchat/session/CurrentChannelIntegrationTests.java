package io.tcpchat.session;

import java.time.Duration;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No message lands in a channel its author did not choose: a session whose current channel is left elsewhere or
 * deleted is told at once, and its plain lines are refused until it picks one (issue 14, #5).
 */
class CurrentChannelIntegrationTests extends ChatIntegrationTest {

	@Test
	void leavingTheCurrentChannelInAnotherSessionIsToldAtOnceAndPlainLinesAreRefused() {
		String alice = uniqueName("alice");
		String room = uniqueName("room");
		ChatClient first = newUser(alice);
		ChatClient second = connect().login(alice, PASSWORD);
		first.command("//join " + room);
		second.command("//join " + room);

		second.command("//leave #" + room);

		JsonNode notice = first.expect("notice");
		assertThat(notice.path("code").asString()).isEqualTo("no-channel");
		assertThat(notice.path("channel").asString()).isEqualTo(room);
		first.send("private words");
		JsonNode refused = first.expectError("no-channel");
		assertThat(refused.path("text").asString()).contains("//join");
		assertThat(generalHistory(first)).doesNotContain("private words");
		first.command("//join general");
		first.send("now in general");
		first.expect("message", m -> m.path("text").asString().equals("now in general"));
	}

	@Test
	void aDeletedCurrentChannelIsToldInTextFormatToo() {
		String room = uniqueName("room");
		ChatClient owner = newUser(uniqueName("olga"));
		owner.command("//create-channel " + room);
		owner.send("//format text");
		owner.expectLine(line -> line.equals("* Format is now text."));

		ChatClient admin = admin();
		admin.send("//delete-channel #" + room).expect("prompt");
		admin.send("yes").expectReply("delete-channel");

		owner.expectLine(line -> line.contains("left #" + room + " (channel deleted)"));
		String notice = owner.expectLine(line -> line.startsWith("*** "));
		assertThat(notice).contains("no current channel").contains("#" + room + " was deleted");

		owner.send("secret words");
		assertThat(owner.expectLine(line -> line.startsWith("! "))).startsWith("! no-channel: ");
	}

	@Test
	void plainLinesRacingALeaveNeverLandInAnotherChannel() {
		ChatClient admin = admin();
		for (int round = 0; round < 5; round++) {
			String alice = uniqueName("alice");
			String room = uniqueName("race");
			ChatClient first = newUser(alice);
			ChatClient second = connect().login(alice, PASSWORD);
			first.command("//join " + room);
			String text = "racing line " + round;

			second.send("//leave #" + room);
			first.send(text).send("//whoami");

			if (!refusedBeforeWhoami(first)) {
				// accepted: it was stored in the channel its author chose (the echo may not reach a leaver)
				await().atMost(Duration.ofSeconds(20))
					.until(() -> history(admin, room).contains(text) || history(admin, "general").contains(text));
				assertThat(history(admin, room)).contains(text);
			}
			assertThat(history(admin, "general")).doesNotContain(text);
		}
	}

	/** Whether the plain line was refused: its error comes before the reply to the {@code //whoami} after it. */
	private static boolean refusedBeforeWhoami(ChatClient client) {
		while (true) {
			JsonNode event = client.nextEvent();
			String type = event.path("type").asString();
			if (type.equals("error")) {
				assertThat(event.path("code").asString()).isIn("no-channel", "forbidden");
				return true;
			}
			if (type.equals("reply") && event.path("command").asString().equals("whoami")) {
				return false;
			}
		}
	}

	private static java.util.List<String> history(ChatClient client, String channel) {
		return client.command("//history #" + channel + " 100")
			.path("data")
			.path("messages")
			.valueStream()
			.map(m -> m.path("text").asString())
			.toList();
	}

	private static java.util.List<String> generalHistory(ChatClient client) {
		return client.command("//history #general 100")
			.path("data")
			.path("messages")
			.valueStream()
			.map(m -> m.path("text").asString())
			.toList();
	}

}
