/**
 * Rules for user-written text that hold for every way in and out: {@link io.tcpchat.text.ChatText}. A shared
 * kernel that depends on nothing, so the services and the terminal client use the very same rule.
 */
package io.tcpchat.text;
