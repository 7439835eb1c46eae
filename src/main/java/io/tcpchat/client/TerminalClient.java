package io.tcpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp;

/**
 * The terminal side: a JLine line reader with history and completion; server events are printed above the input
 * line so that what the user is typing stays intact. When the purpose of the input line changes (a prompt
 * arrives, the channel changes, the connection goes), the current read is interrupted and restarted, keeping
 * whatever chat text was typed.
 */
final class TerminalClient implements ClientSession.Screen {

	private final Terminal terminal;

	private final ClientOptions options;

	private final EventFormatter formatter;

	private final boolean color;

	private final LineReader reader;

	private final ClientSession session;

	private final AtomicBoolean wakeRequested = new AtomicBoolean();

	private volatile boolean readingChat;

	private String shownPrompt = "";

	private boolean shownSecret;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "chat-reconnect");
		thread.setDaemon(true);
		return thread;
	});

	TerminalClient(Terminal terminal, ClientOptions options, Connector connector, Clock clock,
			Map<String, String> environment) {
		this.terminal = terminal;
		this.options = options;
		this.formatter = new EventFormatter(clock.getZone(), clock);
		this.color = colorWanted(terminal, environment);
		CompletionData completion = new CompletionData();
		DefaultParser parser = new DefaultParser();
		// chat lines are prose: quotes and backslashes are just characters, never a reason to wait for more
		parser.setEofOnUnclosedQuote(false);
		parser.setEofOnEscapedNewLine(false);
		parser.quoteChars(new char[0]).escapeChars(new char[0]);
		this.reader = LineReaderBuilder.builder()
			.terminal(terminal)
			.appName("tcp-chat")
			.parser(parser)
			.completer(new ChatCompleter(completion))
			.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
			.option(LineReader.Option.AUTO_FRESH_LINE, true)
			.option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
			.build();
		this.session = new ClientSession(connector, this.formatter, this, completion, clock);
		this.session.loginAs(options.user());
		this.session.reconnectWith(new Reconnector(Backoff.standard(), this::schedule, clock, this.session::reconnect,
				new Reconnector.Listener() {

					@Override
					public void waiting(int attempt, Duration delay, String reason) {
						TerminalClient.this.session.reconnectWaiting(attempt, delay, reason);
					}

					@Override
					public void connected(int attempt) {
						show(TerminalClient.this.formatter.notice("Reconnected; logging in again..."));
					}

					@Override
					public void gaveUp(String reason) {
						TerminalClient.this.session.reconnectGaveUp(reason);
					}

				}));
	}

	static boolean colorWanted(Terminal terminal, Map<String, String> environment) {
		String noColor = environment.get("NO_COLOR");
		if (noColor != null && !noColor.isEmpty()) {
			return false;
		}
		if (Terminal.TYPE_DUMB.equals(terminal.getType())) {
			return false;
		}
		Integer colors = terminal.getNumericCapability(InfoCmp.Capability.max_colors);
		return colors != null && colors >= 8;
	}

	private Runnable schedule(Duration delay, Runnable task) {
		ScheduledFuture<?> future = this.scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		return () -> future.cancel(false);
	}

	/** Runs until the user leaves or the server ends the session for good; returns the exit code. */
	int run() {
		Terminal.SignalHandler previous = this.terminal.handle(Terminal.Signal.INT, signal -> this.session.close());
		try {
			show(this.formatter.notice("Connecting to " + this.options.address() + "..."));
			try {
				this.session.start();
			}
			catch (IOException ex) {
				show(this.formatter.problem("Cannot connect to " + this.options.address() + ": "
						+ Reconnector.describe(ex)));
				return 1;
			}
			loop();
			return 0;
		}
		finally {
			this.session.close();
			this.scheduler.shutdownNow();
			this.terminal.handle(Terminal.Signal.INT, previous);
		}
	}

	private void loop() {
		String carried = null;
		while (true) {
			ClientSession.Input input;
			try {
				input = this.session.awaitInput();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (input == ClientSession.Input.CLOSED) {
				return;
			}
			try {
				if (input == ClientSession.Input.PROMPT) {
					if (!answerPrompt()) {
						return;
					}
				}
				else {
					this.readingChat = true;
					this.shownSecret = false;
					this.shownPrompt = prompt();
					String line = this.reader.readLine(this.shownPrompt, null, (Character) null, carried);
					carried = null;
					this.readingChat = false;
					this.session.type(line);
				}
			}
			catch (UserInterruptException ex) {
				// JLine interrupts the reading thread to end the read, and may leave the flag set
				Thread.interrupted();
				this.readingChat = false;
				if (this.wakeRequested.getAndSet(false)) {
					boolean chat = input == ClientSession.Input.CHAT;
					eraseInterruptedLine(this.shownPrompt, this.shownSecret ? "" : ex.getPartialLine());
					if (chat && !ex.getPartialLine().isEmpty()) {
						carried = ex.getPartialLine();
					}
					continue;
				}
				if (ex.getPartialLine().isEmpty()) {
					this.session.quit("//quit");
					return;
				}
				// Ctrl-C on a typed line discards it, as in a shell
			}
			catch (EndOfFileException ex) {
				this.session.quit("//quit");
				return;
			}
		}
	}

	/** @return false when the user quit at the prompt */
	private boolean answerPrompt() {
		ClientSession.OpenPrompt open = this.session.openPrompt();
		if (open == null) {
			return true;
		}
		boolean secret = open.prompt().secret();
		String prefill = null;
		if ("username".equals(open.prompt().field())) {
			prefill = this.session.lastUsername();
		}
		String text = EventFormatter.safe(open.prompt().text()) + " ";
		this.shownPrompt = text;
		this.shownSecret = secret;
		String line;
		if (secret) {
			this.reader.variable(LineReader.DISABLE_HISTORY, true);
			try {
				line = this.reader.readLine(text, LineReaderImpl.NULL_MASK);
			}
			finally {
				this.reader.variable(LineReader.DISABLE_HISTORY, false);
			}
		}
		else {
			line = this.reader.readLine(text, null, (Character) null, prefill);
		}
		if (!secret && ClientSession.isQuit(line)) {
			this.session.quit(line);
			return false;
		}
		this.session.answer(open, line);
		return true;
	}

	private String prompt() {
		AttributedString prompt = this.formatter.chatPrompt(this.session.currentChannel(), this.session.isOnline());
		return this.color ? prompt.toAnsi(this.terminal) : prompt.toString();
	}

	@Override
	public void show(AttributedString lines) {
		AttributedString printable = EventFormatter.printable(lines);
		this.reader.printAbove(this.color ? printable.toAnsi(this.terminal) : printable.toString());
	}

	@Override
	public void inputChanged() {
		if (this.reader.isReading()) {
			this.wakeRequested.set(true);
			this.terminal.raise(Terminal.Signal.INT);
		}
	}

	@Override
	public void promptChanged() {
		if (!this.readingChat || !this.reader.isReading()) {
			return;
		}
		try {
			((LineReaderImpl) this.reader).setPrompt(prompt());
			this.reader.callWidget(LineReader.REDRAW_LINE);
			this.reader.callWidget(LineReader.REDISPLAY);
		}
		catch (IllegalStateException ex) {
			// the read ended meanwhile; the next one shows the new prompt anyway
		}
	}

	/** A read cut short by {@link #inputChanged()} leaves its line behind; take it off the screen. */
	private void eraseInterruptedLine(String prompt, String partial) {
		int columns = Math.max(1, this.terminal.getWidth());
		int width = AttributedString.fromAnsi(prompt).columnLength() + partial.length();
		int lines = width / columns + 1;
		this.terminal.puts(InfoCmp.Capability.carriage_return);
		for (int i = 0; i < lines; i++) {
			this.terminal.puts(InfoCmp.Capability.cursor_up);
		}
		this.terminal.puts(InfoCmp.Capability.clr_eos);
		this.terminal.flush();
	}

}
