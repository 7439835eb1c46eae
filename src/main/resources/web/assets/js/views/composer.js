// The composer: Enter sends, Shift+Enter adds a line, a pasted block of lines becomes one message per line after
// a confirmation, Tab completes, the up arrow recalls what was sent.

import { Completer } from '../completion.js';
import { byId } from '../dom.js';
import { confirm } from './dialogs.js';

const RECALL_LIMIT = 50;

export class Composer {
  constructor(store, client, actions) {
    this.store = store;
    this.client = client;
    this.actions = actions;
    this.input = byId('composer-input');
    this.hint = byId('completion');
    this.sent = [];
    this.recallIndex = null;
    this.completer = new Completer(() => ({
      commands: store.commands.filter((c) => store.isAdmin || !c.adminOnly).map((c) => c.name),
      channels: [...store.channels.keys()],
      users: [...store.users.values()].map((u) => u.name),
    }));
    byId('composer').addEventListener('submit', (event) => {
      event.preventDefault();
      this.send();
    });
    this.input.addEventListener('keydown', (event) => this.key(event));
    this.input.addEventListener('paste', (event) => this.paste(event));
    this.input.addEventListener('input', () => {
      this.completer.reset();
      this.hint.textContent = '';
      this.fit();
    });
    this.input.addEventListener('focus', () => this.fit());
  }

  key(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    } else if (event.key === 'Tab' && this.input.value.trim() !== '') {
      const result = this.completer.complete(this.input.value, this.input.selectionStart);
      if (!result) return; // nothing to complete: Tab moves on, as everywhere
      event.preventDefault();
      this.set(result.text, result.caret);
      this.hint.textContent = result.candidates.length > 1 ? result.candidates.join('  ') : '';
    } else if (event.key === 'ArrowUp' && this.onFirstLine()) {
      if (this.recall(-1)) event.preventDefault();
    } else if (event.key === 'ArrowDown' && this.recallIndex !== null && this.onLastLine()) {
      if (this.recall(1)) event.preventDefault();
    } else if (event.key === 'Escape') {
      this.hint.textContent = '';
    }
  }

  onFirstLine() {
    return !this.input.value.slice(0, this.input.selectionStart).includes('\n');
  }

  onLastLine() {
    return !this.input.value.slice(this.input.selectionEnd).includes('\n');
  }

  /** Steps through what was sent (-1 older, +1 newer); past the newest the composer is empty again. */
  recall(step) {
    if (this.sent.length === 0) return false;
    const index = this.recallIndex === null ? this.sent.length : this.recallIndex;
    const next = Math.max(0, Math.min(this.sent.length, index + step));
    this.recallIndex = next === this.sent.length ? null : next;
    const text = this.recallIndex === null ? '' : this.sent[this.recallIndex];
    this.set(text, text.length);
    return true;
  }

  set(text, caret) {
    this.input.value = text;
    this.input.setSelectionRange(caret, caret);
    this.fit();
  }

  /** Grows with its lines up to a limit, then scrolls. */
  fit() {
    if (!this.input.offsetParent) return; // hidden: nothing to measure
    this.input.style.height = 'auto';
    const height = this.input.scrollHeight + 2;
    this.input.style.height = `${Math.min(height, 160)}px`;
    this.input.style.overflowY = height > 160 ? 'auto' : 'hidden';
  }

  async paste(event) {
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    const lines = (text || '').split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length < 2) return;
    event.preventDefault();
    const go = await confirm('Send several messages?',
      `The pasted text has ${lines.length} lines. Send them as ${lines.length} separate messages?`,
      { confirmLabel: `Send ${lines.length} messages`, cancelLabel: 'Edit first' });
    if (go) {
      await this.sendMessages(lines);
    } else {
      const at = this.input.selectionStart;
      this.set(this.input.value.slice(0, at) + text + this.input.value.slice(this.input.selectionEnd), at + text.length);
    }
  }

  async send() {
    const text = this.input.value;
    if (text.trim() === '') return;
    if (!this.client.online) {
      this.store.addNotice(this.store.active, 'Not connected: your text stays here until the connection is back.', 'error');
      return;
    }
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    if (lines.length > 1 && !(await confirm('Send several messages?',
      `Send these ${lines.length} lines as ${lines.length} separate messages?`, { confirmLabel: `Send ${lines.length} messages` }))) {
      return;
    }
    this.remember(text);
    this.set('', 0);
    this.hint.textContent = '';
    if (lines.length === 1 && lines[0].startsWith('//')) {
      await this.actions.command(lines[0].trim());
    } else {
      await this.sendMessages(lines);
    }
  }

  /** Messages one after the other, each once the previous one is stored, so their order holds. */
  async sendMessages(lines) {
    const key = this.store.active;
    for (const line of lines) {
      try {
        await this.client.say(key, line);
      } catch (error) {
        this.store.addNotice(key, error.text || 'Not sent.', 'error');
        if (error.code === 'offline') return;
      }
    }
  }

  remember(text) {
    if (this.sent.at(-1) !== text) this.sent.push(text);
    if (this.sent.length > RECALL_LIMIT) this.sent.shift();
    this.recallIndex = null;
  }
}
