// Desktop notifications for direct messages and mentions while the tab is hidden, once the user asks for them.

import { byId } from './dom.js';

const PREFERENCE = 'tcp-chat.notifications'; // only this choice is stored in the browser, never credentials

export class Notifier {
  constructor(client) {
    this.button = byId('notify-toggle');
    this.enabled = 'Notification' in window && Notification.permission === 'granted'
      && localStorage.getItem(PREFERENCE) === 'on';
    this.button.hidden = !('Notification' in window);
    this.button.addEventListener('click', () => this.toggle());
    client.addEventListener('attention', (event) => this.notify(event.detail));
    this.render();
  }

  async toggle() {
    if (!this.enabled && Notification.permission !== 'granted') {
      await Notification.requestPermission();
    }
    this.enabled = !this.enabled && Notification.permission === 'granted';
    localStorage.setItem(PREFERENCE, this.enabled ? 'on' : 'off');
    this.render();
  }

  render() {
    this.button.textContent = this.enabled ? 'Notifications on' : 'Notifications off';
    this.button.setAttribute('aria-pressed', String(this.enabled));
  }

  notify({ key, message, mentioned }) {
    if (!this.enabled || !document.hidden) return;
    const where = message.type === 'dm' ? 'Direct message' : `${mentioned ? 'Mention in ' : ''}#${message.channel}`;
    const notification = new Notification(`${message.from} (${where})`, { body: message.text, tag: key });
    notification.addEventListener('click', () => {
      window.focus();
      notification.close();
    });
  }
}
