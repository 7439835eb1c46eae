package io.tcpchat.auth;

import java.time.Instant;

/**
 * Where the {@link LoginThrottle} keeps its state: failure counts and the addresses that logged in to an
 * account. Kept behind this small interface so that a cluster can keep it in Redis (a hash per key with a time
 * to live) instead of in this node's memory; the throttle's policy does not change.
 */
public interface LoginAttempts {

	/** Counts one more failure under {@code key} and returns the new count. */
	Failures recordFailure(String key, Instant now);

	/** The failures under {@code key}, or {@code null} if none are remembered. */
	Failures failures(String key, Instant now);

	/** Forgets the failures under {@code key}. */
	void forgetFailures(String key);

	/** Notes that a login under {@code key} succeeded. */
	void rememberSuccess(String key, Instant now);

	/** Whether a login under {@code key} succeeded recently enough to be remembered. */
	boolean succeededRecently(String key, Instant now);

	/** The failures remembered under one key: how many, and when the last was. */
	record Failures(int count, Instant last) {
	}

}
