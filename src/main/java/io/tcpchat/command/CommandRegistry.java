package io.tcpchat.command;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;

/**
 * Every {@code //command}, collected from the {@link ChatCommand} methods of {@link CommandHandler} beans.
 * {@code //help} and {@code GET /api/commands} are generated from it.
 */
@Component
public class CommandRegistry implements SmartInitializingSingleton {

	private final ApplicationContext context;

	private final Map<String, RegisteredCommand> commands = new TreeMap<>();

	CommandRegistry(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.context.getBeansWithAnnotation(CommandHandler.class).values().forEach(this::register);
	}

	void register(Object bean) {
		Class<?> type = AopUtils.getTargetClass(bean);
		Map<Method, ChatCommand> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<ChatCommand>) method -> AnnotatedElementUtils
					.findMergedAnnotation(method, ChatCommand.class));
		methods.forEach((method, annotation) -> {
			CommandSpec spec = CommandSpec.of(annotation);
			RegisteredCommand previous = this.commands.put(spec.name(), new RegisteredCommand(spec, bean, method));
			if (previous != null) {
				throw new IllegalStateException("Two handlers for //" + spec.name() + ": " + previous.method()
						+ " and " + method);
			}
		});
	}

	public Optional<RegisteredCommand> find(String name) {
		return Optional.ofNullable(this.commands.get(name.toLowerCase(Locale.ROOT)));
	}

	public List<CommandSpec> specs() {
		return this.commands.values().stream().map(RegisteredCommand::spec).sorted(Comparator.comparing(CommandSpec::name)).toList();
	}

	Collection<RegisteredCommand> all() {
		return this.commands.values();
	}

	public record RegisteredCommand(CommandSpec spec, Object bean, Method method) {
	}

}
