package io.tcpchat.transport.proxy;

import java.io.IOException;

/** A PROXY protocol header that cannot be accepted. */
public class ProxyHeaderException extends IOException {

	/** Why; the metric tag {@code reason} is its {@link #tag()}. */
	public enum Reason {

		/** Not a well-formed header (or one for a protocol other than TCP over IPv4/IPv6). */
		MALFORMED,
		/** Longer than the limit (107 bytes for v1, 2 KiB of addresses and TLVs for v2). */
		OVERSIZED,
		/** A header from an address that is not a trusted proxy. */
		UNTRUSTED,
		/** {@code required} and the connection began with something else. */
		MISSING,
		/** The header did not arrive (completely) within the header timeout. */
		TIMEOUT;

		public String tag() {
			return name().toLowerCase();
		}

	}

	private final Reason reason;

	public ProxyHeaderException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
