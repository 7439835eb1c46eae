// The connection, visible: a word in the sidebar, and a banner while disconnected that says why and what
// happens next (reconnecting in n s, or what ended the session).

import { byId } from '../dom.js';

const LABELS = { idle: 'offline', connecting: 'connecting…', welcome: 'connecting…', online: 'online', waiting: 'reconnecting', offline: 'offline' };

export class StatusView {
  constructor(store, client, { onEnded }) {
    this.store = store;
    this.client = client;
    this.onEnded = onEnded;
    this.countdown = null;
    client.addEventListener('state', (event) => this.render(event.detail));
    byId('banner-action').addEventListener('click', () => this.action && this.action());
  }

  render(detail) {
    clearInterval(this.countdown);
    const state = byId('conn-state');
    state.textContent = LABELS[detail.state] || detail.state;
    state.dataset.state = detail.state;
    document.body.dataset.connection = detail.state;
    const loggedIn = !!this.store.me && !byId('app').hidden;
    if (!loggedIn || detail.state === 'online') {
      this.hide();
    } else if (detail.state === 'waiting') {
      const tick = () => {
        const seconds = Math.max(0, Math.ceil((detail.until - Date.now()) / 1000));
        this.show(`Connection lost (${detail.reason}). Reconnecting in ${seconds} s…`, 'Reconnect now',
          () => this.client.reconnectNow());
      };
      tick();
      this.countdown = setInterval(tick, 1000);
    } else if (detail.state === 'offline') {
      const banned = detail.reason === 'banned';
      this.show(`Disconnected: ${detail.text || detail.reason}`, banned || detail.reason.startsWith('quit') ? 'Back to login' : 'Log in again',
        () => this.onEnded());
    } else {
      this.show('Connecting…');
    }
  }

  show(text, actionLabel, action) {
    byId('banner').hidden = false;
    byId('banner-text').textContent = text;
    const button = byId('banner-action');
    button.hidden = !actionLabel;
    button.textContent = actionLabel || '';
    this.action = action;
  }

  hide() {
    byId('banner').hidden = true;
    this.action = null;
  }
}
