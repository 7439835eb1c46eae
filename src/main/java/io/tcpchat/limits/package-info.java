/**
 * Counting for limits that several features share ({@link io.tcpchat.limits.RecentEvents}). Depends on nothing
 * of the application.
 */
package io.tcpchat.limits;
