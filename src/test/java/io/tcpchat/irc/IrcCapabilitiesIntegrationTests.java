package io.tcpchat.irc;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.IrcTestClient;
import io.tcpchat.text.ChatText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IRCv3 capabilities beyond the basics, over raw sockets: {@code away-notify}, {@code multi-prefix},
 * {@code batch} history on JOIN (without it: a NOTICE, in {@link IrcIntegrationTests}),
 * {@code draft/account-registration}; and the cleaning of text that arrives over IRC.
 */
class IrcCapabilitiesIntegrationTests extends ChatIntegrationTest {

	@Test
	void textFromIrcIsCleanedByTheOneRuleAfterItsFormattingCodesAreDecoded() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		IrcTestClient irc = newIrcUser(alice);
		ChatClient tcp = newUser(bob);
		String sent = "\u0002bold\u0002 \u000304,12red\u000f  \u202Eevil\u202C\t\u200B     spaced \u0007end";

		irc.send("PRIVMSG #general :" + sent);

		String received = tcp.expect("message", m -> m.path("from").asString().equals(alice)).path("text").asString();
		assertThat(received).isEqualTo("bold red  evil    spaced end")
			.isEqualTo(ChatText.clean(IrcText.withoutFormatting(sent)));
		// the same text (formatting aside) from the line protocol arrives the same
		tcp.send("bold red  \u202Eevil\u202C\t\u200B     spaced \u0007end");
		assertThat(irc.expectCommand("PRIVMSG", ":" + bob + "!")).endsWith(" :" + received);
	}

	@Test
	void awayNotifyShowsChannelPeersGoingAwayAndComingBack() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		IrcTestClient irc = newIrcUserWith(alice, "away-notify");
		IrcTestClient without = newIrcUser(uniqueName("carol"));
		ChatClient tcp = newUser(bob);

		tcp.command("//away out for lunch");
		assertThat(irc.expectCommand("AWAY", bob)).isEqualTo(":" + bob + "!" + bob + "@tcp-chat AWAY :out for lunch");
		tcp.command("//back");
		assertThat(irc.expectCommand("AWAY", bob)).isEqualTo(":" + bob + "!" + bob + "@tcp-chat AWAY");

		without.send("PING :sync");
		assertThat(without.expectLine(line -> line.contains(" AWAY") || line.contains(" PONG "))).contains(" PONG ");
	}

	@Test
	void awayNotifyCanBeRequestedAfterRegistration() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		IrcTestClient irc = newIrcUser(alice);
		ChatClient tcp = newUser(bob);

		irc.send("CAP REQ :away-notify");
		irc.expectLine(line -> line.contains(" CAP " + alice + " ACK :away-notify"));
		irc.send("PING :after-the-ack");
		irc.expectCommand("PONG", "after-the-ack");
		tcp.command("//away brb");

		assertThat(irc.expectCommand("AWAY", bob)).endsWith(" AWAY :brb");
	}

	@Test
	void multiPrefixIsAcknowledgedAndNamesShowTheOnePrefixThereIs() {
		String alice = uniqueName("alice");
		String channel = uniqueName("mp");
		IrcTestClient irc = newIrcUserWith(alice, "multi-prefix");

		irc.send("JOIN #" + channel);

		assertThat(irc.expectNumeric("353", "#" + channel + " ")).endsWith(" :@" + alice);
		irc.send("WHO #" + channel);
		assertThat(irc.expectNumeric("352")).contains(" H@ ");
	}

	@Test
	void aJoinPlaysTheHistoryBackAsABatchWithBatchAndServerTime() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("hist");
		ChatClient tcp = newUser(bob);
		tcp.command("//join " + channel);
		tcp.send("before you came");
		long id = tcp.expect("message", m -> m.path("text").asString().equals("before you came")).path("id").asLong();
		IrcTestClient irc = newIrcUserWith(alice, "batch", "server-time", "message-tags");

		irc.send("JOIN #" + channel);

		String start = irc.expectCommand("BATCH", "#" + channel);
		assertThat(start).matches(":tcp-chat BATCH \\+\\S+ chathistory #" + channel);
		String ref = start.split(" ")[2].substring(1);
		String played = irc.expectCommand("PRIVMSG", "before you came");
		assertThat(played).startsWith("@batch=" + ref + ";time=")
			.contains(";msgid=" + id + " ")
			.endsWith(" :" + bob + "!" + bob + "@tcp-chat PRIVMSG #" + channel + " :before you came");
		assertThat(irc.expectCommand("BATCH", "-" + ref)).isEqualTo(":tcp-chat BATCH -" + ref);
	}

	@Test
	void registerCreatesTheAccountOfTheNickBeforeTheConnectionIsRegistered() {
		String dave = uniqueName("dave");
		IrcTestClient irc = connectIrc();

		irc.send("CAP LS 302").send("NICK " + dave).send("USER dave 0 * :Dave");
		assertThat(irc.expectLine(line -> line.contains(" CAP * LS ")))
			.contains("draft/account-registration=before-connect", "away-notify", "batch");
		irc.send("REGISTER * * :" + PASSWORD);

		assertThat(irc.expectCommand("REGISTER", "SUCCESS")).startsWith(":tcp-chat REGISTER SUCCESS " + dave + " :");
		assertThat(irc.expectNumeric("900")).contains("You are now logged in as " + dave);
		irc.send("CAP END");
		assertThat(irc.expectNumeric("001")).contains(" 001 " + dave + " ");
		connect().login(dave, PASSWORD);
	}

	@Test
	void registerRefusesTakenNamesAndWeakPasswordsAsTheChatDoes() {
		String taken = uniqueName("erin");
		newUser(taken).close();
		IrcTestClient irc = connectIrc();
		irc.send("CAP LS 302").send("NICK " + taken).send("USER erin 0 * :Erin");
		irc.expectLine(line -> line.contains(" CAP * LS "));

		irc.send("REGISTER " + taken + " * " + PASSWORD);
		assertThat(irc.expectCommand("FAIL", "REGISTER")).startsWith(":tcp-chat FAIL REGISTER ACCOUNT_EXISTS " + taken + " :");

		String fresh = uniqueName("frank");
		irc.send("REGISTER " + fresh + " * short");
		assertThat(irc.expectCommand("FAIL", "REGISTER")).startsWith(":tcp-chat FAIL REGISTER WEAK_PASSWORD " + fresh + " :");

		irc.send("REGISTER 9lives * " + PASSWORD);
		assertThat(irc.expectCommand("FAIL", "REGISTER")).startsWith(":tcp-chat FAIL REGISTER BAD_ACCOUNT_NAME 9lives :");
	}

	@Test
	void registerAfterLoginIsRefused() {
		String alice = uniqueName("alice");
		IrcTestClient irc = newIrcUser(alice);

		irc.send("REGISTER * * " + PASSWORD);

		assertThat(irc.expectCommand("FAIL", "REGISTER")).contains(" ALREADY_AUTHENTICATED ");
	}

	/** A new account, logged in over IRC with SASL and the capabilities asked for (the welcome burst read). */
	private IrcTestClient newIrcUserWith(String name, String... capabilities) {
		newUser(name).close();
		return connectIrc().registerWithSasl(name, PASSWORD, capabilities);
	}

}
