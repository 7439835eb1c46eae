package io.tcpchat.session;

/**
 * How a connection wants server events: human-readable lines or one JSON object per line.
 */
public enum Format {

	TEXT, JSON

}
