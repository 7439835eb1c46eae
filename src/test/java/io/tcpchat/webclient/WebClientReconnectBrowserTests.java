package io.tcpchat.webclient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.tcpchat.TcpChatApplication;
import io.tcpchat.support.Browser;
import io.tcpchat.support.ChatClient;
import io.tcpchat.transport.ChatListeners;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A browser tab survives a server restart: it says it is reconnecting, logs in again by itself with the
 * credentials it kept in memory, and shows what was said meanwhile as missed messages. The server comes back on
 * the ports it bound the first time (chosen by the system then).
 */
class WebClientReconnectBrowserTests {

	private static final String PASSWORD = "password-1";

	private final List<ChatClient> clients = new ArrayList<>();

	private ConfigurableApplicationContext server;

	private Browser browser;

	@AfterEach
	void stop() {
		this.clients.forEach(ChatClient::close);
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void reconnectsAfterARestartLogsInAgainAndShowsWhatItMissed(@TempDir Path dataDir) {
		Browser.assumeAvailable();
		start(dataDir, 0, 0);
		int httpPort = this.server.getBean(ChatListeners.class).port("websocket");
		int tcpPort = this.server.getBean(ChatListeners.class).port("plain");
		this.browser = Browser.start().open("http://127.0.0.1:" + httpPort + "/").register("rita", PASSWORD);
		tcp(tcpPort).register("tom", PASSWORD).send("before the restart");
		this.browser.findText(".msg", "before the restart");

		this.server.close();
		this.browser.findText("#banner-text", "Reconnecting");
		this.browser.offline(true); // so the tab cannot come back before tom has spoken
		start(dataDir, httpPort, tcpPort);
		ChatClient tom = tcp(tcpPort).login("tom", PASSWORD);
		tom.send("while you were away");
		tom.send("and once more");
		tom.expect("message", m -> m.path("text").asString().equals("and once more"));
		assertThat(this.browser.find("#conn-state").getText()).isNotEqualTo("online");
		this.browser.offline(false);
		// the page also retries on its own schedule, hiding the button while it connects: click it while offered
		await().atMost(Browser.WAIT).until(() -> {
			if (this.browser.find("#conn-state").getText().equals("online")) {
				return true;
			}
			for (WebElement button : this.browser.all("#banner-action")) {
				try {
					if (button.isDisplayed() && button.getText().contains("Reconnect now")) {
						button.click();
					}
				}
				catch (WebDriverException ex) {
					// hidden or replaced between the look and the click: look again
				}
			}
			return false;
		});

		this.browser.findText("#conn-state", "online");
		this.browser.findText(".notice.missed", "2 missed messages");
		this.browser.findText(".msg", "and once more");
		this.browser.say("back again");
		tom.expect("message", m -> m.path("text").asString().equals("back again"));
	}

	private ChatClient tcp(int port) {
		try {
			ChatClient client = new ChatClient("127.0.0.1", port);
			this.clients.add(client);
			return client;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void start(Path dataDir, int httpPort, int tcpPort) {
		this.server = new SpringApplicationBuilder(TcpChatApplication.class).run("--server.port=" + httpPort,
				"--chat.tcp.port=" + tcpPort, "--chat.tcp.bind-address=127.0.0.1", "--chat.data-dir=" + dataDir,
				"--chat.admin.password=admin-secret-1", "--chat.security.bcrypt-strength=4");
		ChatListeners listeners = this.server.getBean(ChatListeners.class);
		await().until(() -> listeners.port("plain") > 0 && listeners.port("websocket") > 0);
	}

}
