package io.tcpchat.connection;

/**
 * How a connection wants server events: human-readable lines or one JSON object per line. A listener chooses the
 * one a connection starts in (the line listeners {@code TEXT}); the client may switch with {@code //format}.
 */
public enum Format {

	TEXT, JSON

}
