package io.tcpchat.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Login;
import io.tcpchat.auth.Role;
import io.tcpchat.connection.ConnectionInfo;
import io.tcpchat.connection.Format;
import io.tcpchat.connection.InboundLine;
import io.tcpchat.connection.Outbound;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login runs elsewhere; the lines that follow it wait for it, in order, without holding the thread that read
 * them.
 */
class ChatSessionLoginTests {

	private final List<String> handled = new CopyOnWriteArrayList<>();

	private final List<String> host = new CopyOnWriteArrayList<>();

	private final ChatSession session = new ChatSession(new ConnectionInfo("c1", "127.0.0.1", "plain", Format.JSON),
			Instant.now(), new NoOutbound(), new EventRenderer(JsonMapper.builder().build()),
			new ChatSession.SessionHost() {

				@Override
				public void completeLogin(ChatSession session, Login login) {
					ChatSessionLoginTests.this.host.add("logged-in " + login.user().name());
					session.loggedIn(login.user(), List.of("general"), "general");
				}

				@Override
				public void loginRefused(ChatSession session) {
					ChatSessionLoginTests.this.host.add("refused");
				}

			});

	private final CompletableFuture<Login> login = new CompletableFuture<>();

	@Test
	void linesAfterALoginWaitForItAndKeepTheirOrder() {
		receive(0, "//login");
		receive(1, "a");
		receive(2, "b");

		assertThat(this.handled).containsExactly("//login");
		assertThat(this.session.isQuiet(3)).isFalse();

		this.login.complete(new Login(user(), "token", false));

		assertThat(this.host).containsExactly("logged-in ann");
		assertThat(this.handled).containsExactly("//login", "a", "b");
		receive(3, "c");
		assertThat(this.handled).containsExactly("//login", "a", "b", "c");
	}

	@Test
	void aLoginThatEndsAtOnceDoesNotRunTheNextLinesInsideTheFirst() {
		this.login.completeExceptionally(new ChatException(ErrorCode.RATE_LIMITED, "busy"));
		receive(0, "//login");
		receive(1, "a");

		assertThat(this.host).containsExactly("refused");
		assertThat(this.handled).containsExactly("//login", "end of //login", "a", "end of a");
	}

	private void receive(long sequence, String text) {
		this.session.receive(sequence, InboundLine.of(text), line -> {
			this.handled.add(line.text());
			if (line.text().equals("//login")) {
				this.session.completeLogin("login", this.login, null);
			}
			if (this.login.isDone() && this.login.isCompletedExceptionally()) {
				this.handled.add("end of " + line.text());
			}
		});
	}

	private static ChatUser user() {
		return new ChatUser(1, "ann", Set.of(Role.USER), "#336699");
	}

	private static final class NoOutbound implements Outbound {

		@Override
		public boolean send(byte[] frame) {
			return true;
		}

		@Override
		public void sendLast(byte[] frame) {
		}

		@Override
		public void closeAfterFlush() {
		}

		@Override
		public long queuedBytes() {
			return 0;
		}

	}

}
