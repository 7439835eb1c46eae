package io.tcpchat.irc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.tcpchat.config.ChatProperties;

/**
 * What the IRC listener says about itself: its name, the capabilities it offers, ISUPPORT and the MOTD.
 */
final class IrcServer {

	/** The service nick that runs the chat's own commands ({@code /msg ChatServ ban bob spamming}). */
	static final String CHATSERV = "ChatServ";

	static final String SASL = "sasl";

	static final String SERVER_TIME = "server-time";

	static final String MESSAGE_TAGS = "message-tags";

	static final String ECHO_MESSAGE = "echo-message";

	static final String MULTI_PREFIX = "multi-prefix";

	static final String AWAY_NOTIFY = "away-notify";

	static final String BATCH = "batch";

	static final String ACCOUNT_REGISTRATION = "draft/account-registration";

	/** Usernames are 3-32 characters, channel names 1-50 plus the '#'. */
	static final List<String> ISUPPORT = List.of("CHANTYPES=#", "CASEMAPPING=ascii", "NICKLEN=32",
			"CHANNELLEN=51", "PREFIX=(o)@", "CHANMODES=,,,int", "TARGMAX=JOIN:,PART:,PRIVMSG:1,NOTICE:1,NAMES:1,WHOIS:1",
			"AWAYLEN=200", "TOPICLEN=300", "NETWORK=tcp-chat", "UTF8ONLY", "MODES=1");

	/** What {@code CAP LS} offers, in order; account registration only while the chat's registration is open. */
	private final List<String> capabilities;

	private final String name;

	private final String description;

	private final List<String> motd;

	private final Instant created = Instant.now();

	IrcServer(ChatProperties.Irc properties, boolean registrationOpen) {
		List<String> offered = new ArrayList<>(List.of(SASL, SERVER_TIME, MESSAGE_TAGS, ECHO_MESSAGE, MULTI_PREFIX,
				AWAY_NOTIFY, BATCH));
		if (registrationOpen) {
			offered.add(ACCOUNT_REGISTRATION);
		}
		this.capabilities = List.copyOf(offered);
		this.name = properties.serverName();
		this.description = properties.serverDescription();
		String text = (properties.motd() != null) ? properties.motd().strip() : "";
		this.motd = text.isEmpty() ? List.of() : List.of(text.split("\\R"));
	}

	String name() {
		return this.name;
	}

	String description() {
		return this.description;
	}

	List<String> motd() {
		return this.motd;
	}

	Instant created() {
		return this.created;
	}

	/** {@code nick!nick@server}: accounts have no separate user or host part worth showing. */
	String mask(String nick) {
		return nick + "!" + nick + "@" + this.name;
	}

	boolean offers(String capability) {
		return this.capabilities.contains(capability);
	}

	/**
	 * The capability list of {@code CAP LS}; version 302 clients learn the values as well: the SASL mechanism, and
	 * that an account can be registered before the connection is (the account is the nick from then on).
	 */
	String capabilityList(boolean v302) {
		return this.capabilities.stream().map(cap -> v302 ? cap + valueOf(cap) : cap).collect(Collectors.joining(" "));
	}

	private static String valueOf(String capability) {
		return switch (capability) {
			case SASL -> "=PLAIN";
			case ACCOUNT_REGISTRATION -> "=before-connect,custom-account-name";
			default -> "";
		};
	}

}
