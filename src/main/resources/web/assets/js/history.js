// History: what a conversation shows from before the page was there, older messages on request, and after a
// reconnect, what was missed meanwhile.

export class History {
  constructor(store, request) {
    this.store = store;
    this.request = request;
    this.loadingOlder = false;
  }

  /**
   * Loads every conversation's recent history. `lastSeen` (conversation key -> newest id shown before a
   * reconnect) marks what came in meanwhile as missed.
   */
  async catchUp(lastSeen) {
    for (const [key, conversation] of this.store.conversations) {
      const seen = lastSeen ? lastSeen.get(key) : undefined;
      const count = seen !== undefined ? 100 : 50;
      const messages = await this.load(key, count);
      if (seen === undefined || !messages) continue;
      const missed = messages.filter((m) => m.id > seen);
      if (missed.length > 0) {
        const many = missed.length === messages.length && messages.length === count;
        const text = `${many ? 'At least ' : ''}${missed.length} missed message${missed.length === 1 ? '' : 's'}`;
        this.store.addNotice(key, text, 'missed', missed[0].id);
        if (key !== this.store.active) conversation.unread += missed.length;
        this.store.changed('unread', key);
      }
    }
  }

  /** The last `count` messages of a conversation; null where the server keeps no history for it. */
  async load(key, count = 50) {
    const conversation = this.store.conversation(key);
    if (conversation.kind === 'dm' && !this.store.supports('dm-history')) {
      conversation.historyComplete = true;
      return null;
    }
    const before = conversation.messageCount;
    const reply = await this.request(`//history ${key} ${count}`);
    const messages = reply.data.messages || [];
    messages.forEach((message) => this.store.addMessage(key, message));
    conversation.historyLoaded = true;
    conversation.historyComplete = messages.length < count || (before > 0 && conversation.messageCount === before);
    this.store.changed('history', key);
    return messages;
  }

  /** Older messages, as far back as the server's history limit allows (`//history` gives the last n). */
  async loadOlder(key) {
    const conversation = this.store.conversation(key);
    if (conversation.historyComplete || this.loadingOlder) return;
    this.loadingOlder = true;
    try {
      await this.load(key, conversation.messageCount + 50);
    } finally {
      this.loadingOlder = false;
    }
  }
}
