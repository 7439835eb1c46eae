package io.tcpchat.irc;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import net.engio.mbassy.listener.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.event.user.PrivateMessageEvent;
import org.kitteh.irc.client.library.feature.auth.SaslPlain;

import static org.awaitility.Awaitility.await;

/**
 * A real IRC client library from Maven Central (KittehIRCClientLib) drives the IRC listener: SASL PLAIN, the
 * welcome burst and auto-join as it expects them, then channel messages and DMs with a line-protocol user.
 */
class KittehIrcClientIntegrationTests extends ChatIntegrationTest {

	private Client client;

	@AfterEach
	void shutdown() {
		if (this.client != null) {
			this.client.shutdown();
		}
	}

	@Test
	void kittehLogsInWithSaslAndChatsWithALineProtocolUser() {
		String alice = uniqueName("kitteh");
		String bob = uniqueName("bob");
		newUser(alice).close();
		ChatClient tcp = newUser(bob);
		Received received = new Received();
		this.client = Client.builder()
			.nick(alice)
			.user(alice)
			.realName(alice)
			.server()
			.host("127.0.0.1")
			.port(ircPort(), Client.Builder.Server.SecurityType.INSECURE)
			.then()
			.build();
		this.client.getAuthManager().addProtocol(new SaslPlain(this.client, alice, PASSWORD));
		this.client.getEventManager().registerEventListener(received);

		this.client.connect();
		await().until(() -> this.client.getChannel("#general").isPresent());
		tcp.send("hello kitteh");
		await().until(() -> received.lines.contains("#general <" + bob + "> hello kitteh"));
		this.client.sendMessage("#general", "hello from kitteh");
		tcp.expect("message", m -> m.path("from").asString().equals(alice)
				&& m.path("text").asString().equals("hello from kitteh"));
		tcp.send("//msg " + alice + " psst kitteh");
		await().until(() -> received.lines.contains("dm <" + bob + "> psst kitteh"));
	}

	/** What the library reports, as simple lines. */
	public static final class Received {

		final List<String> lines = new CopyOnWriteArrayList<>();

		@Handler
		public void channelMessage(ChannelMessageEvent event) {
			this.lines.add(event.getChannel().getName() + " <" + event.getActor().getNick() + "> " + event.getMessage());
		}

		@Handler
		public void privateMessage(PrivateMessageEvent event) {
			this.lines.add("dm <" + event.getActor().getNick() + "> " + event.getMessage());
		}

	}

}
