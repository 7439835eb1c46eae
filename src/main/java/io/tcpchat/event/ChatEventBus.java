package io.tcpchat.event;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes chat events to every listener on every node.
 */
public interface ChatEventBus {

	void publish(ChatEvent event);

	/** Publishes once the current transaction commits, so nobody hears of a change that was rolled back. */
	default void publishAfterCommit(ChatEvent event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			publish(event);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				publish(event);
			}
		});
	}

}
