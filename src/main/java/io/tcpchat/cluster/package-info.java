/**
 * Several nodes on one database and one Redis as one chat ({@code chat.cluster.enabled=true}; nothing here exists
 * otherwise): {@link io.tcpchat.cluster.RedisEventBus} carries every chat event to the other nodes,
 * {@link io.tcpchat.cluster.ClusterPresence} keeps who is online on which node, and
 * {@link io.tcpchat.cluster.RedisLoginAttempts} makes the login throttle cluster-wide. See docs/cluster.md.
 */
package io.tcpchat.cluster;
