package io.tcpchat.audit;

/**
 * The client address of the action being handled on this thread, for the audit trail. The entry points set it
 * around the work they dispatch (the session around each line of a chat connection, a filter around each HTTP
 * request), so the services record it without passing an address through every method, as Spring Security does
 * with the authenticated user. Work handed to another thread does not carry it (an entry made there has none).
 */
public final class AuditOrigin {

	private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

	private AuditOrigin() {
	}

	/** Runs {@code work} with {@code address} as the origin of what it audits. */
	public static void from(String address, Runnable work) {
		try (Scope scope = open(address)) {
			work.run();
		}
	}

	/** Makes {@code address} the origin until the scope is closed (then the outer one, if any, is back). */
	public static Scope open(String address) {
		String outer = ADDRESS.get();
		ADDRESS.set(address);
		return () -> {
			if (outer == null) {
				ADDRESS.remove();
			}
			else {
				ADDRESS.set(outer);
			}
		};
	}

	/** The address set by the entry point, or null (the server's own work, another thread). */
	static String address() {
		return ADDRESS.get();
	}

	/** An open origin; closing it never throws. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
