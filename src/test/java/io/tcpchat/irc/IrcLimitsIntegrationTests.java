package io.tcpchat.irc;

import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.IrcTestClient;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keepalive and the login timeout on the IRC listener: the server's PING, the client's PONG, and ERROR before
 * the close. The same settings as KeepaliveIntegrationTests, so both share one server.
 */
@TestPropertySource(properties = { "chat.keepalive.idle=400ms", "chat.keepalive.timeout=400ms",
		"chat.limits.login-timeout=600ms" })
class IrcLimitsIntegrationTests extends ChatIntegrationTest {

	@Test
	void aSilentIrcClientIsPingedThenDropped() {
		String alice = uniqueName("alice");
		newUser(alice).close();
		IrcTestClient irc = connectIrc().register(alice, PASSWORD);

		irc.expectLine(line -> line.startsWith("PING :"));

		assertThat(irc.expectLine(line -> line.startsWith("ERROR :"))).contains("idle-timeout");
		irc.expectClosed();
	}

	@Test
	void anIrcClientThatAnswersPingsStays() {
		String alice = uniqueName("alice");
		newUser(alice).close();
		IrcTestClient irc = connectIrc().register(alice, PASSWORD);

		for (int i = 0; i < 3; i++) {
			String ping = irc.expectLine(line -> line.startsWith("PING :"));
			irc.send("PONG :" + ping.substring("PING :".length()));
		}
		irc.send("MODE " + alice);

		assertThat(irc.expectNumeric("221")).isNotNull();
		assertThat(irc.isClosedByServer()).isFalse();
	}

	@Test
	void anIrcClientThatNeverRegistersIsClosed() {
		IrcTestClient irc = connectIrc();
		irc.send("CAP LS 302");

		assertThat(irc.expectLine(line -> line.startsWith("ERROR :"))).contains("login-timeout");
		irc.expectClosed();
	}

}
