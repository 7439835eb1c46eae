// What a user does besides writing: channel actions, a person's menu, the admin panel, the server's own prompts,
// and //commands typed into the composer. All of it is the chat's //commands over the WebSocket.

import { byId, fill, h } from '../dom.js';
import { channelKey, dmKey } from '../state.js';
import { confirm, form, menu } from './dialogs.js';
import { AdminPanel } from './admin.js';

const DURATIONS = [
  { value: '', label: 'No expiry' }, { value: '10m', label: '10 minutes' }, { value: '1h', label: '1 hour' },
  { value: '1d', label: '1 day' }, { value: '7d', label: '7 days' }, { value: '30d', label: '30 days' },
];

export class Actions {
  constructor(store, client) {
    this.store = store;
    this.client = client;
    this.admin = new AdminPanel(store, client, this);
    client.addEventListener('prompt', (event) => this.prompt(event.detail));
    store.addEventListener('change', (event) => {
      if (['active', 'channels'].includes(event.detail.what)) this.renderConversationActions();
    });
    byId('admin-open').addEventListener('click', () => this.admin.open());
  }

  /** Shows the outcome of an action in the open conversation. */
  note(text, kind = 'reply') {
    if (this.store.active && text) this.store.addNotice(this.store.active, text, kind);
  }

  async run(line, after) {
    try {
      const reply = await this.client.request(line);
      if (after) await after(reply);
      return reply;
    } catch (error) {
      this.note(error.text || 'Failed.', 'error');
      return null;
    }
  }

  // ---- the open conversation

  canManage(channel) {
    return channel && (this.store.isAdmin || channel.owner === this.store.me);
  }

  renderConversationActions() {
    const key = this.store.active;
    const bar = byId('conv-actions');
    if (!key || !key.startsWith('#')) {
      fill(bar);
      return;
    }
    const channel = this.store.channels.get(key.slice(1));
    const isDefault = channel && channel.name === this.store.defaultChannel;
    fill(bar,
      channel && channel.private && this.canManage(channel)
        ? h('button', { type: 'button', text: 'Invite…', onclick: () => this.invite(channel.name) }) : null,
      isDefault ? null : h('button', { type: 'button', text: 'Leave', onclick: () => this.leave(key.slice(1)) }),
      !isDefault && this.canManage(channel)
        ? h('button', { type: 'button', class: 'danger', text: 'Delete…', onclick: () => this.deleteChannel(channel.name) }) : null,
    );
  }

  async joinOrCreate() {
    const listing = await this.client.request('//channels').catch(() => null);
    const names = listing ? listing.data.channels.map((c) => c.name) : [];
    const values = await form('Join or create a channel', [
      { name: 'channel', label: 'Channel', required: true, list: names, hint: '1-50 of a-z, 0-9, _ and -' },
      { name: 'private', label: 'Create it as a private channel (by invitation only)', type: 'checkbox' },
    ], { submitLabel: 'Join' });
    if (!values) return;
    const name = values.channel.trim().replace(/^#/, '');
    const line = values.private ? `//create-channel ${name} private` : `//join ${name}`;
    await this.run(line, (reply) => this.opened(reply.data.channel));
  }

  async opened(channel) {
    await this.client.refreshChannels();
    this.client.open(channelKey(channel));
  }

  async leave(channel) {
    if (await confirm(`Leave #${channel}?`, 'You can join a public channel again at any time; a private one needs a new invitation.',
      { confirmLabel: 'Leave' })) {
      await this.run(`//leave #${channel}`);
    }
  }

  async invite(channel, user) {
    const values = user ? { user } : await form(`Invite to #${channel}`, [
      { name: 'user', label: 'User', required: true, list: this.onlineNames() },
    ], { submitLabel: 'Invite' });
    if (values) await this.run(`//invite ${values.user.trim()} #${channel}`, (reply) => this.note(reply.text));
  }

  /** The server asks to confirm (a prompt), so the dialog shows its own question. */
  async deleteChannel(channel) {
    await this.run(`//delete-channel #${channel}`, (reply) => this.note(reply.text));
  }

  async newDirectMessage() {
    const values = await form('New direct message', [
      { name: 'user', label: 'To', required: true, list: this.onlineNames() },
    ], { submitLabel: 'Open' });
    if (values) this.client.open(dmKey(values.user.trim().replace(/^@/, '')));
  }

  onlineNames() {
    return [...this.store.users.values()].filter((u) => u.online && u.name !== this.store.me).map((u) => u.name);
  }

  // ---- a person

  userMenu(name) {
    const me = name === this.store.me;
    const active = this.store.active && this.store.channels.get(this.store.active.slice(1));
    return menu(name, [
      !me && { label: 'Send a direct message', action: () => this.client.open(dmKey(name)) },
      !me && active && active.private && this.canManage(active)
        && { label: `Invite to #${active.name}`, action: () => this.invite(active.name, name) },
      !me && this.store.isAdmin && { label: 'Kick…', danger: true, action: () => this.kick(name) },
      !me && this.store.isAdmin && { label: 'Ban…', danger: true, action: () => this.ban(name) },
      me && { label: 'Change my colour…', action: () => this.color() },
    ]);
  }

  async kick(name) {
    const values = await form(`Kick ${name}`, [{ name: 'reason', label: 'Reason (optional)' }],
      { submitLabel: 'Kick', danger: true, intro: `${name} is disconnected and may log in again.` });
    if (values) await this.run(`//kick ${name} ${values.reason.trim()}`.trim(), (reply) => this.note(reply.text));
  }

  async ban(name) {
    const durations = this.store.supports('ban-duration');
    const values = await form(name ? `Ban ${name}` : 'Ban a user', [
      name ? null : { name: 'user', label: 'User', required: true, list: this.onlineNames() },
      { name: 'reason', label: 'Reason', hint: 'Shown to the user.' },
      { name: 'duration', label: 'Duration', type: 'select', options: DURATIONS, disabled: !durations,
        hint: durations ? null : 'This server bans until an admin lifts the ban (//unban).' },
    ].filter(Boolean), { submitLabel: 'Ban', danger: true,
      intro: 'Their sessions end at once and they cannot log in while banned.' });
    if (!values) return null;
    const user = name || values.user.trim();
    const parts = ['//ban', user, durations ? values.duration : '', values.reason.trim()].filter(Boolean);
    return this.run(parts.join(' '), (reply) => this.note(reply.text));
  }

  async color() {
    const values = await form('Your colour', [{ name: 'color', label: 'Colour', required: true,
      hint: '#rrggbb, or red, green, blue, orange, purple, magenta, teal, cyan, pink, brown, olive, gray' }],
    { submitLabel: 'Set' });
    if (values) await this.command(`//color ${values.color.trim()}`);
  }

  // ---- the server's prompts after login (//delete-channel asks to confirm, //passwd asks for passwords)

  async prompt(prompt) {
    let answer;
    if (prompt.field === 'confirm') {
      answer = (await confirm('Please confirm', prompt.text, { confirmLabel: 'Yes', cancelLabel: 'No', danger: true })) ? 'yes' : 'no';
    } else {
      const values = await form('The server asks', [{ name: 'answer', label: prompt.text,
        type: prompt.secret ? 'password' : 'text' }], { submitLabel: 'Answer' });
      answer = values ? values.answer : '';
    }
    this.client.answer(answer);
  }

  // ---- //commands typed into the composer

  async command(line) {
    const name = line.slice(2).split(/\s/, 1)[0].toLowerCase();
    const rest = line.slice(2 + name.length).trim();
    if (name === 'quit') return this.client.logout();
    if (name === 'say') return this.client.say(this.store.active, rest).catch((e) => this.note(e.text, 'error'));
    if (name === 'format' || name === 'pong') return this.note(`//${name} is for line clients; this page speaks json.`, 'error');
    return this.run(line, async (reply) => {
      if ((name === 'join' || name === 'create-channel') && reply.data.channel) await this.opened(reply.data.channel);
      if (name === 'color' && reply.data.color) {
        this.store.seeUser(this.store.me, reply.data.color);
        this.store.changed('users');
      }
      this.note(reply.text);
    });
  }
}
