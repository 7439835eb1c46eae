// What the page knows: who I am, my channels and conversations with their messages, who is online. Views
// listen for 'change' events; only the chat client (client.js) changes it.

/** The key of a conversation: '#name' for a channel, '@name' for direct messages with a user. */
export const channelKey = (name) => `#${name}`;
export const dmKey = (name) => `@${name}`;

class Conversation {
  constructor(key) {
    this.key = key;
    this.kind = key.startsWith('#') ? 'channel' : 'dm';
    this.name = key.slice(1);
    this.items = [];          // messages (with id) and notices, oldest first
    this.ids = new Set();
    this.unread = 0;
    this.mentioned = false;
    this.historyComplete = false;
    this.historyLoaded = false;
  }

  get messageCount() {
    return this.ids.size;
  }

  get oldestId() {
    const first = this.items.find((item) => item.id !== undefined);
    return first ? first.id : undefined;
  }

  get newestId() {
    for (let i = this.items.length - 1; i >= 0; i--) {
      if (this.items[i].id !== undefined) return this.items[i].id;
    }
    return undefined;
  }
}

export class Store extends EventTarget {
  constructor() {
    super();
    this.reset();
  }

  reset() {
    this.me = null;             // my stored name, once logged in
    this.roles = [];
    this.defaultChannel = null; // everyone is in it; it cannot be left
    this.server = {};           // the welcome event
    this.channels = new Map();  // name -> {name, private, owner, members}: channels I am in
    this.conversations = new Map();
    this.users = new Map();     // lower-case name -> {name, color, online}
    this.commands = [];         // from //help: {name, usage, description, adminOnly}
    this.active = null;
  }

  get isAdmin() {
    return this.roles.includes('ADMIN');
  }

  changed(what, key) {
    this.dispatchEvent(new CustomEvent('change', { detail: { what, key } }));
  }

  conversation(key) {
    let conversation = this.conversations.get(key);
    if (!conversation) {
      conversation = new Conversation(key);
      this.conversations.set(key, conversation);
      this.changed('conversations', key);
    }
    return conversation;
  }

  /** What the server can do, judged by its command list (features of newer servers light up by themselves). */
  supports(feature) {
    const usage = (name) => (this.commands.find((c) => c.name === name) || {}).usage || '';
    switch (feature) {
      case 'dm-history': return usage('history').includes('@');
      case 'ban-duration': return usage('ban').includes('duration');
      default: return this.commands.some((c) => c.name === feature);
    }
  }

  /** Remembers a user's colour (from a message, the online list or my own whoami). */
  seeUser(name, color, online) {
    const key = name.toLowerCase();
    const user = this.users.get(key) || { name, color: null, online: false };
    user.name = name;
    if (color) user.color = color;
    if (online !== undefined) user.online = online;
    this.users.set(key, user);
    return user;
  }

  colorOf(name) {
    const user = this.users.get((name || '').toLowerCase());
    return user ? user.color : null;
  }

  setOnline(names, colors) {
    for (const user of this.users.values()) user.online = false;
    names.forEach((name) => this.seeUser(name, colors[name], true));
    this.changed('users');
  }

  setChannels(channels) {
    this.channels = new Map(channels.map((c) => [c.name, c]));
    for (const channel of channels) this.conversation(channelKey(channel.name));
    for (const [key, conversation] of this.conversations) {
      if (conversation.kind === 'channel' && !this.channels.has(conversation.name)) this.conversations.delete(key);
    }
    this.changed('channels');
  }

  /**
   * Adds a message to its conversation once: a live one at the end, one from history before the first newer one.
   * @returns true if it was new
   */
  addMessage(key, message, { live = false } = {}) {
    const conversation = this.conversation(key);
    if (conversation.ids.has(message.id)) return false;
    conversation.ids.add(message.id);
    const items = conversation.items;
    const at = live ? items.length : insertionPoint(items, message.id);
    items.splice(at, 0, message);
    if (message.from) this.seeUser(message.from, message.color);
    this.changed(at === items.length - 1 ? 'appended' : 'messages', key);
    return true;
  }

  /** Applies an `edit` (new text) or `unsend` (gone) to the message it names, if this page has it. */
  changeMessage(key, id, text) {
    const conversation = this.conversations.get(key);
    if (!conversation || !conversation.ids.has(id)) return;
    const at = conversation.items.findIndex((item) => item.id === id);
    if (at < 0) return;
    if (text === null) {
      conversation.items.splice(at, 1);
      conversation.ids.delete(id);
    } else {
      conversation.items[at] = { ...conversation.items[at], text, edited: true };
    }
    this.changed('messages', key);
  }

  /** A line from the server or the page itself, shown in a conversation (before message `beforeId` if given). */
  addNotice(key, text, kind = 'info', beforeId = undefined) {
    const conversation = this.conversation(key);
    const notice = { notice: text, kind, ts: new Date().toISOString() };
    const at = beforeId === undefined ? conversation.items.length : insertionPoint(conversation.items, beforeId - 0.5);
    conversation.items.splice(at, 0, notice);
    this.changed(at === conversation.items.length - 1 ? 'appended' : 'messages', key);
  }

  markUnread(key, mentioned) {
    const conversation = this.conversation(key);
    conversation.unread++;
    conversation.mentioned = conversation.mentioned || mentioned;
    this.changed('unread', key);
  }

  setActive(key) {
    this.active = key;
    const conversation = this.conversation(key);
    conversation.unread = 0;
    conversation.mentioned = false;
    this.changed('active', key);
  }

  removeConversation(key) {
    this.conversations.delete(key);
    if (this.active === key) this.active = null;
    this.changed('conversations', key);
  }
}

/** Where an entry with this id goes: before the first message with a larger id. */
function insertionPoint(items, id) {
  const at = items.findIndex((item) => item.id !== undefined && item.id > id);
  return at < 0 ? items.length : at;
}
