// The admin panel: broadcast, ban by name, and the bans in force with a way to lift each.

import { fill, h } from '../dom.js';
import { confirm, panel } from './dialogs.js';

export class AdminPanel {
  constructor(store, client, actions) {
    this.store = store;
    this.client = client;
    this.actions = actions;
  }

  async open() {
    const status = h('p', { class: 'status-line', role: 'status' });
    const message = h('textarea', { id: 'broadcast-text', rows: 2, required: true });
    const broadcast = h('form', { class: 'dialog-form', onsubmit: async (event) => {
      event.preventDefault();
      if (!message.value.trim()) return;
      const reply = await this.request(`//broadcast ${message.value.trim()}`, status);
      if (reply) {
        status.textContent = reply.text;
        message.value = '';
      }
    } }, h('label', { for: 'broadcast-text', text: 'Broadcast to everyone online' }), message,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', text: 'Send broadcast' })));

    const bans = h('ul', { class: 'bans', 'aria-labelledby': 'bans-heading' });
    const content = h('div', { class: 'admin' }, broadcast,
      h('div', { class: 'section-head' }, h('h3', { id: 'bans-heading', text: 'Bans in force' }),
        h('button', { type: 'button', text: 'Ban a user…', onclick: async () => {
          if (await this.actions.ban(null)) this.open();
        } })),
      bans, status);
    panel('Admin', content);
    await this.listBans(bans, status);
  }

  async listBans(list, status) {
    const reply = await this.request('//banned-users', status);
    if (!reply) return;
    const entries = reply.data.bans || [];
    fill(list, ...(entries.length === 0 ? [h('li', { class: 'muted', text: 'Nobody is banned.' })]
      : entries.map((ban) => h('li', {},
        h('span', { class: 'ban-user', text: ban.username }),
        h('span', { class: 'ban-reason', text: ban.reason }),
        h('span', { class: 'muted', text: `by ${ban.bannedBy}, ${ban.expiresAt ? `until ${new Date(ban.expiresAt).toLocaleString()}` : 'no expiry'}` }),
        h('button', { type: 'button', text: 'Unban', 'aria-label': `Unban ${ban.username}`, onclick: async () => {
          if (!(await confirm(`Unban ${ban.username}?`, `${ban.username} may log in again.`, { confirmLabel: 'Unban' }))) {
            this.open();
            return;
          }
          await this.request(`//unban ${ban.username}`, status);
          this.open();
        } })))));
  }

  async request(line, status) {
    try {
      return await this.client.request(line);
    } catch (error) {
      status.textContent = error.text || 'Failed.';
      return null;
    }
  }
}
