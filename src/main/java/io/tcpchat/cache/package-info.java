/**
 * Caches of what the database records, kept correct by chat events: the features own their caches and fill them
 * through their services; an event (from this node, or in a cluster from another) tells them what changed.
 * Depends on nothing of the application.
 */
package io.tcpchat.cache;
