// The main pane: the open conversation's messages with times, coloured names, day separators, and older history
// when scrolled to the top.

import { byId, fill, h, nameColor } from '../dom.js';
import { dayKey, formatDay, formatTime, linkify, mentions } from '../text.js';

const NEAR_BOTTOM = 48;

export class MessageList {
  constructor(store, client, { onAuthor }) {
    this.store = store;
    this.client = client;
    this.onAuthor = onAuthor;
    this.log = byId('log');
    this.list = byId('messages');
    this.historyState = byId('history-state');
    this.renderedKey = null;
    this.lastDay = null;
    store.addEventListener('change', (event) => this.changed(event.detail));
    this.log.addEventListener('scroll', () => this.scrolled());
  }

  changed({ what, key }) {
    if (what === 'active' || (key === this.store.active && (what === 'messages' || what === 'history'))) {
      this.render();
    } else if (what === 'appended' && key === this.store.active) {
      this.append(this.store.conversation(key).items.at(-1));
      this.renderHistoryState(this.store.conversation(key));
    } else if (what === 'channels' && this.store.active) {
      this.renderHeader();
    }
  }

  get atBottom() {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < NEAR_BOTTOM;
  }

  render() {
    const key = this.store.active;
    if (!key) return;
    const conversation = this.store.conversation(key);
    const switched = key !== this.renderedKey;
    const fromBottom = this.log.scrollHeight - this.log.scrollTop;
    const stick = switched || this.atBottom;
    this.renderedKey = key;
    this.lastDay = null;
    fill(this.list, ...conversation.items.flatMap((item) => this.entry(item)));
    this.renderHeader();
    this.renderHistoryState(conversation);
    // keep the view still when older messages arrive above it
    this.log.scrollTop = stick ? this.log.scrollHeight : this.log.scrollHeight - fromBottom;
  }

  renderHeader() {
    const key = this.store.active;
    if (!key) return;
    const conversation = this.store.conversation(key);
    byId('conv-title').textContent = conversation.kind === 'channel' ? key : conversation.name;
    const channel = this.store.channels.get(conversation.name);
    const info = conversation.kind === 'dm' ? 'direct messages'
      : channel ? `${channel.private ? 'private, ' : ''}${channel.members ?? '?'} member${channel.members === 1 ? '' : 's'}`
        + (channel.owner ? `, owner ${channel.owner}` : '') : '';
    byId('conv-info').textContent = info;
    byId('composer-input').placeholder = `Message ${conversation.kind === 'channel' ? key : conversation.name}`;
  }

  renderHistoryState(conversation) {
    let text = '';
    if (conversation.kind === 'dm' && !this.store.supports('dm-history')) {
      text = 'This server keeps no readable history of direct messages: you see those sent while this page is open.';
    } else if (conversation.historyComplete) {
      text = conversation.messageCount === 0 ? 'No messages yet.' : 'The beginning of the history kept by the server.';
    } else if (conversation.historyLoaded) {
      text = 'Scroll up for older messages.';
    } else {
      text = 'Loading history…';
    }
    this.historyState.textContent = text;
  }

  append(item) {
    const stick = this.atBottom;
    this.list.append(...this.entry(item));
    if (stick) this.log.scrollTop = this.log.scrollHeight;
  }

  /** The list items for one entry: a day separator first when the day changes. */
  entry(item) {
    const nodes = [];
    const day = dayKey(item.ts);
    if (day !== this.lastDay) {
      this.lastDay = day;
      nodes.push(h('li', { class: 'day', role: 'separator', text: formatDay(item.ts) }));
    }
    nodes.push(item.notice !== undefined ? notice(item) : this.message(item));
    return nodes;
  }

  message(message) {
    const me = this.store.me;
    const own = message.from === me;
    const mentioned = mentions(message, me);
    const classes = ['msg', own ? 'own' : '', mentioned ? 'mention' : '', message.type === 'dm' ? 'dm' : '',
      message.action ? 'action' : ''];
    return h('li', { class: classes.filter(Boolean).join(' '), dataset: { id: message.id } },
      h('time', { datetime: message.ts, title: new Date(message.ts).toLocaleString(), text: formatTime(message.ts) }),
      h('button', { type: 'button', class: 'author', vars: nameColor(message.color || this.store.colorOf(message.from)),
        text: message.from, title: `Actions for ${message.from}`, onclick: () => this.onAuthor(message.from) }),
      own ? h('span', { class: 'visually-hidden', text: ' (you)' }) : null,
      mentioned ? h('span', { class: 'visually-hidden', text: ' (mentions you)' }) : null,
      h('span', { class: 'text' }, linkify(message.text || '')),
      message.edited ? h('span', { class: 'edited', text: '(edited)' }) : null);
  }

  scrolled() {
    const key = this.store.active;
    if (key && this.log.scrollTop < 40) {
      const conversation = this.store.conversation(key);
      if (conversation.historyLoaded && !conversation.historyComplete) {
        this.historyState.textContent = 'Loading older messages…';
        this.client.history.loadOlder(key).catch(() => {});
      }
    }
  }
}

function notice(item) {
  return h('li', { class: `notice ${item.kind}`, text: item.notice });
}
