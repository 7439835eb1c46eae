package io.tcpchat.irc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IrcMessageTests {

	@Test
	void commandParametersAndTrailing() {
		IrcMessage m = IrcMessage.parse("privmsg #dev :hello there");

		assertThat(m.command()).isEqualTo("PRIVMSG");
		assertThat(m.params()).containsExactly("#dev", "hello there");
	}

	@Test
	void tagsAndSourceAreSkipped() {
		IrcMessage m = IrcMessage.parse("@label=1;+draft/reply=2 :alice!a@b JOIN #dev,#ops key");

		assertThat(m.command()).isEqualTo("JOIN");
		assertThat(m.params()).containsExactly("#dev,#ops", "key");
	}

	@Test
	void extraSpacesAndAnEmptyTrailing() {
		IrcMessage m = IrcMessage.parse("TOPIC   #dev   :");

		assertThat(m.params()).containsExactly("#dev", "");
		assertThat(m.last()).isEmpty();
	}

	@Test
	void noCommandIsNull() {
		assertThat(IrcMessage.parse("")).isNull();
		assertThat(IrcMessage.parse("   ")).isNull();
		assertThat(IrcMessage.parse("@a=b :src")).isNull();
	}

}
