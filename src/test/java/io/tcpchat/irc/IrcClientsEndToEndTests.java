package io.tcpchat.irc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import io.tcpchat.support.Tmux;
import io.tcpchat.support.WebSocketChatClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Real IRC clients from Debian's packages against the IRC listener, chatting with a user of the line protocol:
 * irssi in a terminal (tmux) logging in with SASL PLAIN, and WeeChat (headless) with the server password. Skipped
 * where tmux, irssi or weechat-headless are missing, except in CI ({@code .ci/run} installs them).
 */
class IrcClientsEndToEndTests extends ChatIntegrationTest {

	private Tmux tmux;

	private Process weechat;

	@AfterEach
	void stopClients() {
		if (this.tmux != null) {
			this.tmux.kill();
		}
		if (this.weechat != null) {
			this.weechat.destroyForcibly();
		}
	}

	@Test
	void irssiLogsInWithSaslChatsGetsADirectMessageAndIsRemovedAndBanned() throws IOException {
		Tmux.assumeInstalled("irssi");
		String alice = uniqueName("irssi");
		String bob = uniqueName("bob");
		String channel = uniqueName("e2e");
		newUser(alice).close();
		ChatClient tcp = newUser(bob);
		tcp.command("//join " + channel);
		Path home = Files.createTempDirectory("tcp-chat-irssi");
		Files.writeString(home.resolve("config"), irssiConfig(alice));
		this.tmux = new Tmux();

		this.tmux.start("irssi --home=" + Tmux.quote(home.toString()));
		this.tmux.awaitScreen("Welcome to the tcp-chat IRC network");
		this.tmux.type("/join #" + channel).keys("Enter");
		tcp.expect("join", j -> j.path("user").asString().equals(alice));
		tcp.send("hi " + alice + ", this is bob");
		this.tmux.awaitScreen("this is bob");
		this.tmux.type("hello from irssi").keys("Enter");
		tcp.expect("message", m -> m.path("from").asString().equals(alice)
				&& m.path("text").asString().equals("hello from irssi"));

		tcp.command("//remove " + alice + " " + channel);
		this.tmux.awaitScreen("was kicked from #" + channel);

		tcp.send("//msg " + alice + " psst, a direct message");
		this.tmux.type("/query " + bob).keys("Enter");
		this.tmux.awaitScreen("psst, a direct message");

		admin().command("//ban " + alice + " end-to-end test");
		this.tmux.type("/window 1").keys("Enter");
		this.tmux.awaitScreen("banned");
	}

	@Test
	void weechatLogsInWithTheServerPasswordAndChats() throws IOException {
		Tmux.assumeInstalled("weechat-headless");
		String alice = uniqueName("weechat");
		String bob = uniqueName("bob");
		newUser(alice).close();
		ChatClient tcp = newUser(bob);
		// a browser user in #general too: the web client's own WebSocket protocol
		WebSocketChatClient web = openWebSocket(null).register(uniqueName("web"), PASSWORD);
		Path dir = Files.createTempDirectory("tcp-chat-weechat");

		this.weechat = new ProcessBuilder("weechat-headless", "--dir", dir.toString(), "--no-script", "-r",
				"/set logger.file.flush_delay 0;/server add tcpchat 127.0.0.1/" + ircPort() + " -notls -password="
						+ PASSWORD + " -nicks=" + alice + " -username=" + alice
						+ ";/set irc.server.tcpchat.command \"/msg #general hello from weechat\";/connect tcpchat")
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("weechat.out").toFile())
			.start();

		tcp.expect("message", m -> m.path("from").asString().equals(alice)
				&& m.path("text").asString().equals("hello from weechat"));
		web.expect("message", m -> m.path("from").asString().equals(alice)
				&& m.path("text").asString().equals("hello from weechat"));
		tcp.send("//msg " + alice + " psst weechat");
		web.send("hi weechat, from the web");
		await().until(() -> logsContain(dir.resolve("logs"), "psst weechat")
				&& logsContain(dir.resolve("logs"), "hi weechat, from the web"));
	}

	private String irssiConfig(String nick) {
		return """
				servers = (
				  { address = "127.0.0.1"; chatnet = "tcpchat"; port = "%d"; use_tls = "no"; autoconnect = "yes"; }
				);
				chatnets = {
				  tcpchat = { type = "IRC"; sasl_mechanism = "PLAIN"; sasl_username = "%s"; sasl_password = "%s"; };
				};
				settings = {
				  core = { real_name = "%s"; user_name = "%s"; nick = "%s"; };
				};
				""".formatted(ircPort(), nick, PASSWORD, nick, nick, nick);
	}

	private static boolean logsContain(Path logs, String text) throws IOException {
		if (!Files.isDirectory(logs)) {
			return false;
		}
		try (Stream<Path> files = Files.list(logs)) {
			return files.anyMatch(file -> {
				try {
					return Files.readString(file).contains(text);
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
	}

}
