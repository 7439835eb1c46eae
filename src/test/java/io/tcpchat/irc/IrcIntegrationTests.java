package io.tcpchat.irc;

import java.nio.charset.StandardCharsets;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.IrcTestClient;
import io.tcpchat.support.WebSocketChatClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IRC listener over real sockets, with raw IRC lines: registration (PASS, SASL PLAIN, CAP), the welcome
 * burst, the IRC commands, ChatServ, and IRC users chatting with users of the line protocol.
 */
class IrcIntegrationTests extends ChatIntegrationTest {

	@Test
	void passLoginGivesTheWelcomeBurstAndJoinsTheUsersChannels() {
		String alice = existingAccount("alice");
		IrcTestClient irc = connectIrc();

		irc.send("PASS " + PASSWORD).send("NICK " + alice).send("USER alice 0 * :Alice A.");

		assertThat(irc.expectNumeric("001")).contains(" 001 " + alice + " :Welcome");
		assertThat(irc.expectNumeric("005")).contains("CHANTYPES=#", "CASEMAPPING=ascii", "NICKLEN=32",
				"CHANNELLEN=51", "PREFIX=(o)@", "CHANMODES=,,,int", "TARGMAX=");
		irc.expectNumeric("251");
		irc.expectNumeric("375");
		assertThat(irc.expectNumeric("372")).contains("ChatServ");
		irc.expectNumeric("376");
		assertThat(irc.expectCommand("JOIN", "#general")).startsWith(":" + alice + "!" + alice + "@tcp-chat JOIN");
		StringBuilder names = new StringBuilder();
		String line;
		while (!IrcTestClient.isNumeric(line = irc.expectLine(l -> IrcTestClient.isNumeric(l, "353")
				|| IrcTestClient.isNumeric(l, "366")), "366")) {
			names.append(line).append('\n');
		}
		assertThat(names).contains(" = #general :").contains(alice);
	}

	@Test
	void saslPlainLogsInAndTheRequestedCapabilitiesApply() {
		String alice = existingAccount("alice");

		IrcTestClient irc = connectIrc().registerWithSasl(alice, PASSWORD, "server-time", "message-tags",
				"echo-message");
		irc.send("PRIVMSG #general :echoed");

		String echo = irc.expectCommand("PRIVMSG", "echoed");
		assertThat(echo).startsWith("@time=").contains(";msgid=").contains(" :" + alice + "!");
	}

	@Test
	void capLsOffersSaslPlainAndUnknownCapabilitiesAreRefused() {
		IrcTestClient irc = connectIrc();

		irc.send("CAP LS 302");
		assertThat(irc.expectLine(line -> line.contains(" CAP * LS "))).contains("sasl=PLAIN", "server-time",
				"message-tags", "echo-message", "multi-prefix");
		irc.send("CAP REQ :sasl away-notify-not-here");

		assertThat(irc.expectLine(line -> line.contains(" CAP * "))).contains(" NAK :");
	}

	@Test
	void aWrongPasswordIs464AndTheConnectionCloses() {
		String alice = existingAccount("alice");
		IrcTestClient irc = connectIrc();

		irc.send("PASS not-the-password").send("NICK " + alice).send("USER alice 0 * :Alice");

		assertThat(irc.expectNumeric("464")).contains("Password incorrect");
		assertThat(irc.expectLine(line -> line.startsWith("ERROR :"))).contains("Closing link");
		irc.expectClosed();
	}

	@Test
	void aWrongSaslPasswordIs904() {
		String alice = existingAccount("alice");
		IrcTestClient irc = connectIrc();

		irc.send("CAP LS 302").send("NICK " + alice).send("USER alice 0 * :Alice").send("CAP REQ :sasl");
		irc.expectLine(line -> line.contains(" CAP * ACK "));
		irc.send("AUTHENTICATE PLAIN");
		irc.expectLine(line -> line.equals("AUTHENTICATE +"));
		irc.send("AUTHENTICATE " + IrcTestClient.plain(alice, "not-the-password"));

		assertThat(irc.expectNumeric("904")).contains("SASL authentication failed");
	}

	@Test
	void aNameThatIsNoNickIs432WithTheReason() {
		IrcTestClient irc = connectIrc();

		irc.send("NICK 9lives");

		assertThat(irc.expectNumeric("432")).contains("9lives").contains("IRC nicks start with a letter");
	}

	@Test
	void commandsBeforeRegistrationAre451AndUnknownOnesAfterIt421() {
		String alice = existingAccount("alice");
		IrcTestClient irc = connectIrc();

		irc.send("JOIN #general");
		irc.expectNumeric("451");
		irc.register(alice, PASSWORD).send("FROBNICATE now");

		assertThat(irc.expectNumeric("421")).contains("FROBNICATE");
	}

	@Test
	void linesEndingInLfAloneWorkAndClientPingsAreAnswered() {
		String alice = existingAccount("alice");
		IrcTestClient irc = connectIrc();

		irc.sendLf("PASS " + PASSWORD).sendLf("NICK " + alice).sendLf("USER alice 0 * :Alice");
		irc.expectNumeric("001");
		irc.sendLf("PING :are-you-there");

		assertThat(irc.expectCommand("PONG", "are-you-there")).isEqualTo(":tcp-chat PONG tcp-chat :are-you-there");
	}

	@Test
	void ircAndLineProtocolUsersChatInAChannelAndByDirectMessage() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		IrcTestClient irc = newIrcUser(alice);
		ChatClient tcp = newUser(bob);

		tcp.send("hello from tcp");
		assertThat(irc.expectCommand("PRIVMSG", "hello from tcp"))
			.isEqualTo(":" + bob + "!" + bob + "@tcp-chat PRIVMSG #general :hello from tcp");

		irc.send("PRIVMSG #general :hello from irc");
		assertThat(tcp.expect("message", m -> m.path("from").asString().equals(alice)).path("text").asString())
			.isEqualTo("hello from irc");

		irc.send("PRIVMSG " + bob + " :psst");
		JsonNode dm = tcp.expect("dm", m -> m.path("from").asString().equals(alice));
		assertThat(dm.path("text").asString()).isEqualTo("psst");

		tcp.send("//msg " + alice + " back at you");
		assertThat(irc.expectCommand("PRIVMSG", "back at you"))
			.isEqualTo(":" + bob + "!" + bob + "@tcp-chat PRIVMSG " + alice + " :back at you");

		irc.send("PRIVMSG #general :\u0001ACTION waves\u0001");
		JsonNode action = tcp.expect("message", m -> m.path("from").asString().equals(alice));
		assertThat(action.path("action").asBoolean()).isTrue();
		assertThat(action.path("text").asString()).isEqualTo("waves");
	}

	@Test
	void longMessagesFromOtherProtocolsAreSplitBetweenUtf8Characters() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		IrcTestClient irc = newIrcUser(alice);
		ChatClient tcp = newUser(bob);
		String text = "é".repeat(900) + "👋".repeat(200);

		tcp.send(text);

		StringBuilder received = new StringBuilder();
		while (received.length() < text.length()) {
			String line = irc.expectCommand("PRIVMSG", ":" + bob + "!");
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(510);
			received.append(IrcTestClient.trailing(line));
		}
		assertThat(received.toString()).isEqualTo(text);
	}

	@Test
	void joinTopicModeListWhoWhoisAndPart() {
		String alice = uniqueName("alice");
		String channel = uniqueName("irc");
		IrcTestClient irc = newIrcUser(alice);

		irc.send("JOIN #" + channel);
		assertThat(irc.expectCommand("JOIN", "#" + channel)).startsWith(":" + alice + "!");
		assertThat(irc.expectNumeric("353", "#" + channel + " ")).contains("@" + alice);
		irc.expectNumeric("366", "#" + channel + " ");

		irc.send("TOPIC #" + channel + " :deploys at 5");
		assertThat(irc.expectCommand("TOPIC", "#" + channel)).endsWith(" :deploys at 5");
		irc.send("TOPIC #" + channel);
		assertThat(irc.expectNumeric("332", "#" + channel + " ")).endsWith("#" + channel + " :deploys at 5");

		irc.send("MODE #" + channel);
		assertThat(irc.expectNumeric("324")).endsWith("#" + channel + " +nt");
		irc.send("MODE " + alice);
		assertThat(irc.expectNumeric("221")).endsWith(" +");

		irc.send("LIST");
		assertThat(irc.expectLine(line -> IrcTestClient.isNumeric(line, "322") && line.contains("#" + channel + " ")))
			.endsWith(":deploys at 5");
		irc.expectNumeric("323");

		irc.send("WHO #" + channel);
		assertThat(irc.expectNumeric("352")).contains("#" + channel + " " + alice + " ").contains(" H@ ");
		irc.expectNumeric("315");

		irc.send("WHOIS " + alice);
		assertThat(irc.expectNumeric("311")).contains(" " + alice + " " + alice + " tcp-chat ");
		irc.expectNumeric("318");

		irc.send("PART #" + channel);
		assertThat(irc.expectCommand("PART", "#" + channel)).startsWith(":" + alice + "!");
	}

	@Test
	void anOwnerKicksAndInvitesOverIrc() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("own");
		IrcTestClient irc = newIrcUser(alice);
		ChatClient tcp = newUser(bob);

		irc.send("JOIN #" + channel);
		irc.expectNumeric("366", "#" + channel + " ");
		tcp.command("//join " + channel);
		assertThat(irc.expectCommand("JOIN", "#" + channel)).startsWith(":" + bob + "!");

		irc.send("KICK #" + channel + " " + bob + " :too loud");
		assertThat(irc.expectCommand("KICK", "#" + channel))
			.isEqualTo(":" + alice + "!" + alice + "@tcp-chat KICK #" + channel + " " + bob + " :removed by " + alice);
		tcp.expect("part", p -> p.path("user").asString().equals(bob));

		irc.send("INVITE " + bob + " #" + channel);
		assertThat(irc.expectNumeric("341")).contains(bob + " #" + channel);
		assertThat(tcp.expect("notice", n -> n.path("code").asString().equals("invited")).path("by").asString())
			.isEqualTo(alice);
	}

	@Test
	void aNonOperatorGets482AndUnknownNicksAnd401() {
		String alice = uniqueName("alice");
		IrcTestClient irc = newIrcUser(alice);

		irc.send("TOPIC #general :mine now");
		assertThat(irc.expectNumeric("482")).contains("#general");

		irc.send("PRIVMSG nobody_here_at_all :hello");
		assertThat(irc.expectNumeric("401")).contains("nobody_here_at_all");
	}

	@Test
	void chatServRunsTheChatsOwnCommandsAndAnswersWithNotices() {
		String alice = uniqueName("alice");
		String victim = uniqueName("victim");
		IrcTestClient irc = newIrcUser(alice);

		irc.send("PRIVMSG ChatServ :whoami");
		assertThat(irc.expectCommand("NOTICE", alice)).startsWith(":ChatServ!ChatServ@tcp-chat NOTICE " + alice + " :");

		ChatClient target = newUser(victim);
		IrcTestClient admin = connectIrc().register("admin", ADMIN_PASSWORD);
		admin.send("PRIVMSG ChatServ :ban " + victim + " spamming");
		assertThat(admin.expectCommand("NOTICE", victim)).startsWith(":ChatServ!");
		target.expectError("banned");
		target.expectClosed();
	}

	@Test
	void theFloodLimitAppliesToIrcMessages() {
		String alice = uniqueName("alice");
		IrcTestClient irc = newIrcUser(alice);

		for (int i = 0; i < 40; i++) {
			irc.send("PRIVMSG #general :flood " + i);
		}

		assertThat(irc.expectLine(line -> line.startsWith(":tcp-chat NOTICE " + alice + " :"))).contains("Slow down");
	}

	@Test
	void aJoinShowsTheChannelsRecentHistory() {
		String alice = uniqueName("alice");
		String bob = uniqueName("bob");
		String channel = uniqueName("hist");
		ChatClient tcp = newUser(bob);
		tcp.command("//join " + channel);
		tcp.send("before you came");
		tcp.expect("message", m -> m.path("text").asString().equals("before you came"));
		IrcTestClient irc = newIrcUser(alice);

		irc.send("JOIN #" + channel);

		irc.expectNumeric("366", "#" + channel + " ");
		assertThat(irc.expectCommand("NOTICE", "before you came"))
			.startsWith(":ChatServ!ChatServ@tcp-chat NOTICE #" + channel + " :");
	}

	@Test
	void ircAndWebClientUsersChatInAChannel() {
		String alice = uniqueName("alice");
		String carol = uniqueName("carol");
		IrcTestClient irc = newIrcUser(alice);
		WebSocketChatClient web = openWebSocket(null).register(carol, PASSWORD);

		web.send("hello from the web");
		assertThat(irc.expectCommand("PRIVMSG", "hello from the web"))
			.isEqualTo(":" + carol + "!" + carol + "@tcp-chat PRIVMSG #general :hello from the web");

		irc.send("PRIVMSG " + carol + " :hello from irc");
		assertThat(web.expect("dm", m -> m.path("from").asString().equals(alice)).path("text").asString())
			.isEqualTo("hello from irc");
	}

	/** An account made over the line protocol, logged in nowhere now. */
	private String existingAccount(String base) {
		String name = uniqueName(base);
		newUser(name).close();
		return name;
	}

}
