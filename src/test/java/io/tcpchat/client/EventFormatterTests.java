package io.tcpchat.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.tcpchat.protocol.ServerEvent;
import org.jline.utils.AttributedCharSequence.ForceMode;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFormatterTests {

	private static final Instant NOON = Instant.parse("2026-11-24T12:05:09Z");

	private final EventFormatter formatter = new EventFormatter(ZoneId.of("Europe/Berlin"),
			Clock.fixed(NOON, ZoneOffset.UTC));

	@Test
	void channelMessagesShowLocalTimeChannelAndSender() {
		AttributedString line = this.formatter
			.format(new ServerEvent.Message(1, NOON, "general", "alice", "#3f7fe0", "hello"), "bob");
		assertThat(line.toString()).isEqualTo("13:05 #general alice: hello");
	}

	@Test
	void actionsShowAsStarSenderAction() {
		AttributedString line = this.formatter
			.format(new ServerEvent.Message(1, NOON, "general", "alice", "#3f7fe0", "waves", true), "bob");
		assertThat(line.toString()).isEqualTo("13:05 #general * alice waves");
	}

	@Test
	void aMessageThatMentionsYouIsHighlighted() {
		ServerEvent.Message mention = new ServerEvent.Message(1, NOON, "general", "alice", null, "hi @bob", null,
				java.util.List.of("bob"));
		AttributedString forBob = this.formatter.format(mention, "BOB");
		AttributedString forCarol = this.formatter.format(mention, "carol");
		assertThat(forBob.toString()).isEqualTo("13:05 #general alice: hi @bob");
		assertThat(forBob.toAnsi(256, ForceMode.None)).contains("\u001b[7;1mhi @bob");
		assertThat(forCarol.toAnsi(256, ForceMode.None)).doesNotContain("7m");
	}

	@Test
	void theUnreadSummaryAtLoginIsShown() {
		ServerEvent.Notice summary = new ServerEvent.Notice("unread",
				"Since you were last here: 3 new in #dev, 2 DMs from bob.", null, java.util.Map.of("dev", 3L), null,
				null, java.util.Map.of("bob", 2L));
		assertThat(this.formatter.format(summary, "alice").toString()).contains("3 new in #dev, 2 DMs from bob");
	}

	@Test
	void topicsShowWhoSetThemAndClearedOnesSaySo() {
		assertThat(this.formatter.format(new ServerEvent.Topic("dev", "deploys at 5", "alice"), "bob").toString())
			.isEqualTo("13:05 -- alice set the topic of #dev (deploys at 5)");
		assertThat(this.formatter.format(new ServerEvent.Topic("dev", null, "alice"), "bob").toString())
			.isEqualTo("13:05 -- alice cleared the topic of #dev");
	}

	@Test
	void senderNamesCarryTheirColour() {
		AttributedString line = this.formatter
			.format(new ServerEvent.Message(1, NOON, "general", "alice", "#3f7fe0", "hello"), "bob");
		assertThat(line.toAnsi(Integer.MAX_VALUE, ForceMode.ForceTrueColors)).contains("38;2;63;127;224")
			.contains("alice");
		assertThat(line.toAnsi(256, ForceMode.Force256Colors)).contains("38;5;");
		assertThat(line.toString()).doesNotContain("\u001b");
	}

	@Test
	void directMessagesAndBroadcastsAreSetApart() {
		assertThat(this.formatter.format(new ServerEvent.Dm(2, NOON, "alice", "bob", "#3f7fe0", "psst"), "bob")
			.toString()).isEqualTo("13:05 [dm] alice: psst");
		assertThat(this.formatter.format(new ServerEvent.Dm(2, NOON, "bob", "alice", null, "psst"), "bob").toString())
			.isEqualTo("13:05 [dm to alice] bob: psst");
		AttributedString broadcast = this.formatter.format(new ServerEvent.Broadcast(3, NOON, "admin", "restart at 5"),
				"bob");
		assertThat(broadcast.toString()).isEqualTo("13:05 [broadcast] admin: restart at 5");
		assertThat(broadcast.toAnsi(256, ForceMode.None)).contains("\u001b[");
	}

	@Test
	void errorsReadAsSentencesWithTheirCode() {
		assertThat(this.formatter.format(new ServerEvent.Error("not-found", "No user carol.", "msg"), "bob").toString())
			.isEqualTo("! No user carol. (not-found in //msg)");
		assertThat(this.formatter.format(new ServerEvent.Error("rate-limited", "Slow down.", null), "bob").toString())
			.isEqualTo("! Slow down. (rate-limited)");
	}

	@Test
	void multiLineRepliesArePrefixedLineByLine() {
		assertThat(this.formatter.format(new ServerEvent.Reply("channels", "#dev - 1 member\n#general - 2 members",
				null), "bob").toString())
			.isEqualTo("* #dev - 1 member\n* #general - 2 members");
	}

	@Test
	void membershipChangesUseTheClientsClock() {
		assertThat(this.formatter.format(new ServerEvent.Join("dev", "carol"), "bob").toString())
			.isEqualTo("13:05 -- carol joined #dev");
		assertThat(this.formatter.format(new ServerEvent.Part("dev", "carol", "channel deleted"), "bob").toString())
			.isEqualTo("13:05 -- carol left #dev (channel deleted)");
	}

	@Test
	void promptsAndPingsAreNotShown() {
		assertThat(this.formatter.format(new ServerEvent.Ping("t"), "bob")).isNull();
		assertThat(this.formatter.format(new ServerEvent.Prompt("username", "Username:", false), null)).isNull();
	}

	@Test
	void theChatPromptShowsChannelAndOfflineState() {
		assertThat(this.formatter.chatPrompt("general", true).toString()).isEqualTo("#general> ");
		assertThat(this.formatter.chatPrompt("general", false).toString()).isEqualTo("(offline) #general> ");
	}

	@Test
	void nothingFromTheServerReachesTheTerminalAsAnEscapeSequenceOrASecondLine() {
		String hostile = "x\n12:00:00 [#general] bob: fake\u001b]0;PWNED\u0007\u001b[2J\u202e";
		for (ServerEvent event : new ServerEvent[] { new ServerEvent.Broadcast(3, NOON, "admin", hostile),
				new ServerEvent.Message(1, NOON, "general", "bob\u001b[31m", "#3f7fe0", hostile),
				new ServerEvent.Dm(2, NOON, "alice", "bob", null, hostile), new ServerEvent.Error("banned", hostile, null),
				new ServerEvent.Bye(hostile), new ServerEvent.Part("dev", "carol", hostile) }) {
			AttributedString shown = this.formatter.format(event, "bob");

			assertThat(shown.toString()).as(event.toString()).doesNotContain("\u001b", "\u0007", "\n", "\u202e");
			assertThat(shown.toAnsi(256, ForceMode.None)).as(event.toString()).doesNotContain("\u001b]", "\u0007",
					"\u001b[2J");
		}
		assertThat(this.formatter.format(new ServerEvent.Reply("help", "one\u001b[2J\ntwo\u0007", null), "bob")
			.toString()).isEqualTo("* one[2J\n* two");
	}

	@Test
	void theLastGuardDropsControlCharactersButKeepsLinesAndStyles() {
		AttributedString lines = new org.jline.utils.AttributedStringBuilder().append("a\u001b]0;x\u0007")
			.styled(org.jline.utils.AttributedStyle.BOLD, "b")
			.append("\nc\u009b")
			.toAttributedString();

		AttributedString printable = EventFormatter.printable(lines);

		assertThat(printable.toString()).isEqualTo("a]0;xb\nc");
		assertThat(printable.toAnsi(256, ForceMode.None)).contains("\u001b[1mb");
	}

	@Test
	void unreadableColoursFallBackToBold() {
		assertThat(EventFormatter.rgb("blue")).isNull();
		assertThat(EventFormatter.rgb("#0A0b0C")).containsExactly(10, 11, 12);
	}

}
