package io.tcpchat.command;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.auth.Role;
import io.tcpchat.error.ChatException;
import io.tcpchat.metrics.ChatMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The gate every line passes: lookup, access check, argument parsing, reflective invocation and result handling,
 * with handlers that do no work of their own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommandGateBenchmark {

	private final CommandGate gate;

	private final Context context = new Context();

	public CommandGateBenchmark() {
		CommandRegistry registry = new CommandRegistry(null);
		registry.register(new Handlers());
		this.gate = new CommandGate(registry, List.of(), new ChatMetrics(new SimpleMeterRegistry()));
	}

	@Benchmark
	public int say() {
		this.gate.dispatch(this.context, "//say bench 123456789 42 7 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		return this.context.replies;
	}

	@Benchmark
	public int replyCommand() {
		this.gate.dispatch(this.context, "//whoami");
		return this.context.replies;
	}

	@Benchmark
	public int unknownCommand() {
		this.gate.dispatch(this.context, "//nope x");
		return this.context.errors;
	}

	static class Handlers {

		private static final CompletableFuture<Object> DONE = CompletableFuture.completedFuture(new Object());

		@ChatCommand(name = "say", usage = "<text>", description = "Sends a message.", restOfLine = true)
		CompletionStage<?> say(CommandContext context, Arguments arguments) {
			arguments.get(0);
			return DONE;
		}

		@ChatCommand(name = "whoami", description = "Who you are.")
		Reply whoami(CommandContext context) {
			return Reply.of("You are " + context.requireUser().name(), java.util.Map.of());
		}

	}

	static final class Context implements CommandContext {

		private final ChatUser user = new ChatUser(1, "alice", Set.of(Role.USER), "#3366ff");

		int replies;

		int errors;

		@Override
		public String sessionId() {
			return "bench";
		}

		@Override
		public String remoteAddress() {
			return "127.0.0.1";
		}

		@Override
		public Optional<ChatUser> user() {
			return Optional.of(this.user);
		}

		@Override
		public String currentChannel() {
			return "general";
		}

		@Override
		public void setCurrentChannel(String channel) {
		}

		@Override
		public Set<String> channels() {
			return Set.of("general");
		}

		@Override
		public void reply(String command, Reply reply) {
			this.replies++;
		}

		@Override
		public void error(String command, ChatException error) {
			this.errors++;
		}

		@Override
		public void ask(Prompt prompt, Answer answer) {
		}

		@Override
		public void completeLogin(String command, java.util.concurrent.CompletionStage<io.tcpchat.auth.Login> login,
				java.util.function.Consumer<ChatException> onRefused) {
		}

		@Override
		public void updateUser(ChatUser user) {
		}

	}

}
