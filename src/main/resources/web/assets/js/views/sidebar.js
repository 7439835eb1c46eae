// The sidebar: my channels (private marker, unread counts), direct-message conversations, and who is online in
// their colours.

import { byId, fill, h, nameColor } from '../dom.js';
import { channelKey } from '../state.js';

export class Sidebar {
  constructor(store, client, { onUser, onAddChannel, onAddDm }) {
    this.store = store;
    this.client = client;
    this.onUser = onUser;
    store.addEventListener('change', (event) => {
      if (!['appended', 'messages', 'history'].includes(event.detail.what)) this.render();
    });
    byId('add-channel').addEventListener('click', onAddChannel);
    byId('add-dm').addEventListener('click', onAddDm);
    byId('menu-toggle').addEventListener('click', () => this.toggle());
  }

  /** On a narrow screen the sidebar slides over the conversation. */
  toggle(open = !document.body.classList.contains('sidebar-open')) {
    document.body.classList.toggle('sidebar-open', open);
    byId('menu-toggle').setAttribute('aria-expanded', String(open));
    if (open) byId('sidebar').querySelector('button')?.focus();
  }

  render() {
    const focused = document.activeElement && byId('sidebar').contains(document.activeElement)
      ? document.activeElement.dataset.focusKey : null;
    this.draw();
    if (focused) byId('sidebar').querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  draw() {
    const store = this.store;
    if (!store.me) return;
    fill(byId('me-name'), h('span', { class: 'name-dot', vars: nameColor(store.colorOf(store.me)) }),
      h('span', { text: store.me }), store.isAdmin ? h('span', { class: 'role', text: 'admin' }) : null);
    byId('admin-open').hidden = !store.isAdmin;

    const channels = [...store.channels.values()].sort((a, b) => a.name.localeCompare(b.name));
    fill(byId('channel-list'), ...channels.map((channel) => this.item(channelKey(channel.name), [
      h('span', { class: 'hash', 'aria-hidden': 'true', text: '#' }),
      h('span', { class: 'label', text: channel.name }),
      channel.private ? h('span', { class: 'private', title: 'private: by invitation', text: '🔒' }) : null,
      channel.private ? h('span', { class: 'visually-hidden', text: ' (private)' }) : null,
    ])));

    const dms = [...store.conversations.values()].filter((c) => c.kind === 'dm')
      .sort((a, b) => (b.newestId ?? -1) - (a.newestId ?? -1));
    fill(byId('dm-list'), ...dms.map((conversation) => this.item(conversation.key, [
      h('span', { class: 'name-dot', vars: nameColor(store.colorOf(conversation.name)) }),
      h('span', { class: 'label', text: conversation.name }),
    ])));

    const online = [...store.users.values()].filter((u) => u.online).sort((a, b) => a.name.localeCompare(b.name));
    byId('users-heading').textContent = `Online (${online.length})`;
    fill(byId('user-list'), ...online.map((user) => h('li', {},
      h('button', { type: 'button', class: 'user', title: `Actions for ${user.name}`, dataset: { focusKey: `user:${user.name}` },
        onclick: () => this.onUser(user.name) },
        h('span', { class: 'name-dot', vars: nameColor(user.color) }),
        h('span', { class: 'name', vars: nameColor(user.color), text: user.name }),
        user.name === store.me ? h('span', { class: 'muted', text: ' (you)' }) : null))));
  }

  item(key, content) {
    const conversation = this.store.conversation(key);
    const active = this.store.active === key;
    const unread = conversation.unread;
    return h('li', {}, h('button', {
      type: 'button', class: `conv${active ? ' active' : ''}${conversation.mentioned ? ' mentioned' : ''}`,
      'aria-current': active ? 'page' : null, dataset: { key, focusKey: key },
      onclick: () => {
        this.client.open(key);
        this.toggle(false);
        byId('composer-input').focus();
      },
    }, ...content, unread > 0 ? h('span', { class: 'badge', text: String(unread), 'aria-label': `${unread} unread` }) : null));
  }
}
