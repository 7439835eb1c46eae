package io.tcpchat.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@code //command} on a method of a {@link CommandHandler} bean. The usage string is parsed for its
 * arguments: {@code <name>} is required, {@code (name)} optional. Handler methods take a {@link CommandContext}
 * (or the session type implementing it) and {@link Arguments}, in any order, and return a {@link Reply}, a
 * {@link java.util.concurrent.CompletionStage} of one, or nothing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChatCommand {

	String name();

	/** The arguments, e.g. {@code <username> (reason)}. */
	String usage() default "";

	String description();

	Access access() default Access.USER;

	/** Whether the last argument takes the rest of the line, spaces included. */
	boolean restOfLine() default false;

	/** Whether the command sends a message to others, and so counts against flood control. */
	boolean sendsMessage() default false;

	/**
	 * Whether the command only reads (listings, history): it counts against the second, more generous bucket of
	 * flood control, so reads cannot be spammed either.
	 */
	boolean reads() default false;

}
