package io.tcpchat.command;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.tcpchat.auth.ChatUser;
import io.tcpchat.command.CommandRegistry.RegisteredCommand;
import io.tcpchat.error.ChatException;
import io.tcpchat.error.ErrorCode;
import io.tcpchat.metrics.ChatMetrics;

import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

/**
 * The one gate every {@code //command} passes: lookup, access rules, argument check, invocation, and the mapping
 * of results and refusals to replies.
 */
@Component
public class CommandGate {

	private final CommandRegistry registry;

	private final List<CommandGuard> guards;

	private final ChatMetrics metrics;

	CommandGate(CommandRegistry registry, List<CommandGuard> guards, ChatMetrics metrics) {
		this.registry = registry;
		this.guards = guards;
		this.metrics = metrics;
	}

	/**
	 * Runs one command line (with its leading {@code //}).
	 */
	public void dispatch(CommandContext context, String line) {
		String body = line.substring(2);
		int space = body.indexOf(' ');
		String typed = (space < 0 ? body : body.substring(0, space)).trim();
		dispatch(context, typed, space < 0 ? "" : body.substring(space + 1));
	}

	/**
	 * Runs one command already split into its name and the rest of the line: a plain chat line is {@code say}
	 * with the line, without building {@code "//say " + line} to split it again.
	 */
	public void dispatch(CommandContext context, String typed, String rest) {
		String name = typed;
		long started = System.nanoTime();
		String timedName = ChatMetrics.UNKNOWN_COMMAND;
		String outcome = "ok";
		try {
			RegisteredCommand command = this.registry.find(typed)
				.orElseThrow(() -> new ChatException(ErrorCode.UNKNOWN_COMMAND,
						"There is no command //" + typed + "; //help lists them."));
			name = command.spec().name();
			timedName = name;
			checkAccess(command.spec(), context);
			Arguments arguments = command.spec().parse(rest);
			this.guards.forEach(guard -> guard.check(command.spec(), context));
			handleResult(context, command.spec().name(), invoke(command, context, arguments));
		}
		catch (ChatException ex) {
			outcome = ex.code().code();
			context.error(name, ex);
		}
		catch (RuntimeException ex) {
			ChatException refusal = ErrorTranslation.translate(ex);
			outcome = refusal.code().code();
			context.error(name, refusal);
		}
		finally {
			this.metrics.commandCompleted(timedName, outcome, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	private static void checkAccess(CommandSpec spec, CommandContext context) {
		ChatUser user = context.user().orElse(null);
		switch (spec.access()) {
			case ANYONE -> {
			}
			case GUEST -> {
				if (user != null) {
					throw ChatException
						.forbidden("//" + spec.name() + " is only for before login; you are logged in already.");
				}
			}
			case USER -> requireLogin(user);
			case ADMIN -> {
				requireLogin(user);
				if (!user.isAdmin()) {
					throw ChatException.forbidden("//" + spec.name() + " is for admins.");
				}
			}
		}
	}

	private static void requireLogin(ChatUser user) {
		if (user == null) {
			throw new ChatException(ErrorCode.NOT_LOGGED_IN, "Log in first.");
		}
	}

	private static Object invoke(RegisteredCommand command, CommandContext context, Arguments arguments) {
		Method method = command.method();
		Class<?>[] types = method.getParameterTypes();
		Object[] values = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			if (types[i] == Arguments.class) {
				values[i] = arguments;
			}
			else if (types[i].isInstance(context)) {
				values[i] = context;
			}
			else {
				throw new IllegalStateException("Cannot supply " + types[i] + " to " + method);
			}
		}
		ReflectionUtils.makeAccessible(method);
		try {
			return method.invoke(command.bean(), values);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void handleResult(CommandContext context, String command, Object result) {
		if (result instanceof Reply reply) {
			context.reply(command, reply);
		}
		else if (result instanceof CompletionStage<?> stage) {
			context.pending(stage);
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					context.error(command, asChatException(failure));
				}
				else if (value instanceof Reply reply) {
					context.reply(command, reply);
				}
			});
		}
	}

	/** Unwraps a failed future into the refusal a user should see. */
	public static ChatException asChatException(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return ErrorTranslation.translate(cause);
	}

}
