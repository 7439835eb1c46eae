package io.tcpchat.channel;

/**
 * Published inside the deleting transaction, so features that keep data per channel delete theirs with it.
 */
public record ChannelDeletedEvent(String channel) {
}
