package io.tcpchat.channel;

/**
 * A channel as users and admins see it; {@code topic} is null when it has none.
 */
public record ChannelInfo(String name, boolean isPrivate, String owner, long members, String topic) {
}
