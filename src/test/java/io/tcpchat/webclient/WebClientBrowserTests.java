package io.tcpchat.webclient;

import java.util.ArrayList;
import java.util.List;

import io.tcpchat.support.Browser;
import io.tcpchat.support.ChatClient;
import io.tcpchat.support.ChatIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web client in a real browser (Debian's headless Chromium) against the real server, next to TCP users: what
 * a person does, and what an attacker tries. Named so that it runs once per build, not again in the MariaDB pass
 * (the server side is the same code the integration tests cover on both databases).
 */
class WebClientBrowserTests extends ChatIntegrationTest {

	private static final String XSS = "<img src=x onerror=\"window.pwned=1\">";

	private final List<Browser> browsers = new ArrayList<>();

	@BeforeAll
	static void requireBrowser() {
		Browser.assumeAvailable();
	}

	@AfterEach
	void closeBrowsers() {
		this.browsers.forEach(Browser::close);
		this.browsers.clear();
	}

	private Browser browser() {
		Browser browser = Browser.start();
		this.browsers.add(browser);
		return browser.open("http://127.0.0.1:" + httpPort() + "/");
	}

	@Test
	void registersInTheBrowserAndChatsWithATcpUserBothWays() {
		String webName = uniqueName("wendy");
		String tcpName = uniqueName("ncuser");
		Browser web = browser().register(webName, PASSWORD);
		ChatClient tcp = newUser(tcpName);

		tcp.send("hi " + webName + ", the notes are at https://example.com/notes.");
		WebElement mention = web.findText(".msg.mention", "the notes are at");
		WebElement link = mention.findElement(org.openqa.selenium.By.cssSelector("a"));
		assertThat(link.getAttribute("href")).isEqualTo("https://example.com/notes");
		assertThat(link.getAttribute("rel")).contains("noopener");
		web.say("hello from the browser");

		assertThat(tcp.expect("message", m -> m.path("from").asString().equals(webName)).path("text").asString())
			.isEqualTo("hello from the browser");
		web.findText(".msg.own", "hello from the browser");
		web.findText(".user", tcpName);
	}

	@Test
	void directMessagesGoBothWays() {
		String webName = uniqueName("dora");
		String tcpName = uniqueName("dmuser");
		Browser web = browser().register(webName, PASSWORD);
		ChatClient tcp = newUser(tcpName);

		tcp.send("//msg " + webName + " a word in private");
		web.findText(".conv[data-key='@" + tcpName + "'] .badge", "1");
		web.openConversation("@" + tcpName);
		web.findText(".msg", "a word in private");
		web.say("and one back");

		assertThat(tcp.expect("dm", d -> d.path("from").asString().equals(webName)).path("text").asString())
			.isEqualTo("and one back");
	}

	@Test
	void joinsAPrivateChannelOnceInvited() {
		String webName = uniqueName("ivy");
		String owner = uniqueName("owner");
		String channel = "vault" + uniqueName("").replace("_", "");
		Browser web = browser().register(webName, PASSWORD);
		ChatClient tcp = newUser(owner);
		tcp.command("//create-channel " + channel + " private");

		joinByDialog(web, channel);
		web.findText(".notice.error", "invit");
		tcp.command("//invite " + webName + " " + channel);
		joinByDialog(web, channel);

		web.find(".conv[data-key='#" + channel + "'] .private");
		web.findText("#conv-info", "private");
		tcp.send("//msg #" + channel + " welcome in");
		web.findText(".msg", "welcome in");
		web.say("glad to be here");
		assertThat(tcp.expect("message", m -> m.path("channel").asString().equals(channel)
				&& m.path("from").asString().equals(webName)).path("text").asString()).isEqualTo("glad to be here");
	}

	private static void joinByDialog(Browser web, String channel) {
		web.click("#add-channel");
		web.type("#dialog-channel", channel);
		web.clickText("#dialog button", "Join");
	}

	@Test
	void anAdminBansAUserWhoseTabShowsItWasDisconnectedAndWhy() {
		String victim = uniqueName("victim");
		Browser web = browser().register(victim, PASSWORD);
		Browser admin = browser().login("admin", ADMIN_PASSWORD);

		admin.clickText(".user", victim);
		admin.clickText("#dialog button", "Ban…");
		admin.type("#dialog-reason", "spam " + XSS);
		admin.clickText("#dialog button", "Ban");

		WebElement banner = web.findText("#banner-text", "You are banned");
		assertThat(banner.getText()).contains("spam " + XSS);
		web.findText("#conn-state", "offline");
		assertThat(web.all("#banner img")).isEmpty();
		assertThat(web.script("return window.pwned")).isNull();
		admin.click("#admin-open");
		admin.findText(".bans li", victim);
		assertThat(admin.findText(".bans li", victim).getText()).contains(XSS);
		assertThat(admin.all(".bans img")).isEmpty();
	}

	@Test
	void markupInMessagesAndDirectMessagesShowsAsText() {
		String webName = uniqueName("reader");
		String attacker = uniqueName("mallory");
		Browser web = browser().register(webName, PASSWORD);
		ChatClient tcp = newUser(attacker);

		tcp.send(XSS);
		tcp.send("//msg " + webName + " <script>window.pwned=2</script> " + XSS);
		tcp.send("click javascript:window.pwned=3 or <a href=\"javascript:window.pwned=4\">here</a>");

		web.findText(".msg .text", XSS);
		web.findText(".msg .text", "<a href=\"javascript:window.pwned=4\">here</a>");
		web.openConversation("@" + attacker);
		web.findText(".msg .text", "<script>window.pwned=2</script>");
		assertThat(web.all("#messages img, #messages script, #messages a[href^='javascript']")).isEmpty();
		assertThat(web.script("return window.pwned")).isNull();
	}

	@Test
	void pastedLinesBecomeSeparateMessagesAfterAConfirmationAndTheComposerHelps() {
		String webName = uniqueName("paster");
		Browser web = browser().register(webName, PASSWORD);
		ChatClient tcp = newUser(uniqueName("listener"));

		web.script("const data = new DataTransfer(); data.setData('text/plain', arguments[0]);"
				+ "document.getElementById('composer-input').dispatchEvent("
				+ "new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));",
				"first line\nsecond line\n\nthird line");
		web.findText("#dialog", "3 lines");
		web.clickText("#dialog button", "Send 3 messages");
		for (String line : List.of("first line", "second line", "third line")) {
			tcp.expect("message", m -> m.path("from").asString().equals(webName) && m.path("text").asString().equals(line));
		}

		WebElement composer = web.find("#composer-input");
		composer.click();
		composer.sendKeys("//he");
		composer.sendKeys(Keys.TAB);
		assertThat(composer.getDomProperty("value")).isEqualTo("//help ");
		composer.sendKeys(Keys.ENTER);
		web.findText(".notice.reply", "//whoami");
		composer.sendKeys(Keys.ARROW_UP);
		assertThat(composer.getDomProperty("value")).isEqualTo("//help ");
	}

	@Test
	void anOwnerDeletesAChannelAfterTheServersConfirmationAndAnAdminBroadcasts() {
		String webName = uniqueName("founder");
		String channel = "temp" + uniqueName("").replace("_", "");
		Browser web = browser().register(webName, PASSWORD);
		web.click("#add-channel");
		web.type("#dialog-channel", channel);
		web.clickText("#dialog button", "Join");
		web.findText("#conv-title", "#" + channel);

		web.clickText("#conv-actions button", "Delete");
		web.findText("#dialog", "Type 'yes' to confirm");
		web.clickText("#dialog button", "Yes");
		web.awaitGone(".conv", channel);

		Browser admin = browser().login("admin", ADMIN_PASSWORD);
		admin.click("#admin-open");
		admin.type("#broadcast-text", "maintenance at noon");
		admin.clickText("#dialog button", "Send broadcast");
		web.findText(".notice.broadcast", "maintenance at noon");
	}

	@Test
	void aKickedUserSeesWhoKickedThemAndCanLogInAgain() {
		String name = uniqueName("kicked");
		Browser web = browser().register(name, PASSWORD);

		admin().command("//kick " + name + " take a break");

		web.findText("#banner-text", "kicked by admin: take a break");
		web.clickText("#banner-action", "Log in again");
		web.login(name, PASSWORD);
		await().until(() -> web.all("#banner").stream().noneMatch(org.openqa.selenium.WebElement::isDisplayed));
	}

	/**
	 * The pictures in docs/web-client.md, light and dark, desktop and phone: saved under target/screenshots, and
	 * into docs/images with {@code -Dchat.screenshots=docs}.
	 */
	@Test
	void screenshotsForTheDocumentation() {
		String channel = "design" + uniqueName("").replace("_", "");
		ChatClient tom = newUser(uniqueName("tom"));
		String tomName = tom.command("//whoami").path("data").path("user").asString();
		tom.command("//color teal");
		tom.command("//create-channel " + channel);
		Browser maria = browser();
		maria.screenshot("web-client-login");
		String mariaName = uniqueName("maria");
		maria.register(mariaName, PASSWORD);
		joinByDialog(maria, channel);
		maria.findText("#conv-title", "#" + channel);
		tom.send("//msg #" + channel + " Morning! The mock-ups are up: https://example.com/mockups");
		maria.findText(".msg", "mock-ups");
		maria.say("Thanks, looking now.");
		tom.send("//msg #" + channel + " " + mariaName + ", could you check the phone layout?");
		maria.findText(".msg.mention", "phone layout");
		tom.send("//msg " + mariaName + " lunch at one?");
		maria.findText(".conv[data-key='@" + tomName + "'] .badge", "1");

		maria.screenshot("web-client-light");
		maria.colorScheme("dark");
		maria.screenshot("web-client-dark");
		maria.phone(390, 780);
		maria.screenshot("web-client-phone");
		maria.click("#menu-toggle");
		maria.find("#sidebar .conv");
		maria.screenshot("web-client-phone-sidebar");
	}

}
