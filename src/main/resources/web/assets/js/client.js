// The chat protocol, as the page speaks it: logs in, keeps the store up to date from the server's events, sends
// commands and matches their replies, and reconnects (logging in again with credentials kept in memory only).

import { Connection, backoffDelay, socketUrl } from './connection.js';
import { channelKey, dmKey } from './state.js';
import { History } from './history.js';
import { mentions } from './text.js';

/** After these, reconnecting by itself would be wrong: the user or an admin ended the session. */
const ENDED_ON_PURPOSE = /^(banned|quit|kicked)/;

const commandName = (line) => line.slice(2).split(/\s/, 1)[0].toLowerCase();

export class ChatClient extends EventTarget {
  constructor(store, url = socketUrl()) {
    super();
    this.store = store;
    this.url = url;
    this.connection = null;
    this.credentials = null;   // {user, password, register, token}: memory only, never stored in the browser
    this.pending = new Map();  // command name -> [{resolve, reject}], in the order sent
    this.state = 'idle';       // idle, connecting, welcome, online, waiting (to reconnect), offline
    this.attempt = 0;
    this.timer = null;
    this.bye = null;           // the reason of the last bye
    this.byeText = null;       // what the server said before it (e.g. the ban and its reason)
    this.loginWaiter = null;
    this.lastSeen = null;      // conversation key -> newest message id, kept across a reconnect
    this.history = new History(store, (line) => this.request(line));
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  setState(state, detail = {}) {
    this.state = state;
    this.emit('state', { state, ...detail });
  }

  get online() {
    return this.state === 'online';
  }

  // ---- connection

  connect() {
    clearTimeout(this.timer);
    if (this.connection && ['connecting', 'welcome', 'online'].includes(this.state)) return;
    this.bye = null;
    this.byeText = null;
    this.setState('connecting');
    const connection = new Connection(this.url, {
      onOpen: () => {},
      onEvent: (event) => this.connection === connection && this.handle(event),
      onClose: () => this.connection === connection && this.closed(),
    });
    this.connection = connection;
  }

  reconnectNow() {
    this.attempt = 0;
    this.connect();
  }

  closed() {
    const wasOnline = this.online;
    for (const waiters of this.pending.values()) waiters.forEach((w) => w.reject({ code: 'offline', text: 'Disconnected.' }));
    this.pending.clear();
    if (wasOnline) this.rememberLastSeen();
    const reason = this.bye || 'connection lost';
    if (this.loginWaiter) {
      this.loginWaiter.reject({ code: this.bye || 'offline', text: this.byeText || 'The server closed the connection.' });
      this.loginWaiter = null;
      this.credentials = null;
    }
    if (ENDED_ON_PURPOSE.test(reason)) {
      this.credentials = null;
      this.setState('offline', { reason, text: this.byeText });
    } else if (this.credentials && this.store.me) {
      const delay = backoffDelay(this.attempt++);
      this.setState('waiting', { reason, until: Date.now() + delay });
      this.timer = setTimeout(() => this.connect(), delay);
    } else {
      this.setState('idle', { reason }); // on the login form: connect again when the user submits
    }
  }

  rememberLastSeen() {
    this.lastSeen = new Map();
    for (const [key, conversation] of this.store.conversations) {
      if (conversation.newestId !== undefined) this.lastSeen.set(key, conversation.newestId);
    }
  }

  // ---- logging in

  /** Logs in (or registers); resolves with `logged-in`, rejects with the server's error. */
  login(user, password, register) {
    this.credentials = { user, password, register, token: null };
    return new Promise((resolve, reject) => {
      this.loginWaiter = { resolve, reject };
      if (this.state === 'welcome') this.sendLogin();
      else this.connect();
    });
  }

  sendLogin() {
    const { user, password, register, token } = this.credentials;
    if (token) this.connection.send(`//resume ${user} ${token}`);
    else this.connection.send(`//${register ? 'register' : 'login'} ${user} ${password}`);
  }

  logout() {
    this.credentials = null;
    this.lastSeen = null;
    if (this.connection) this.connection.send('//quit');
    this.store.reset();
    this.emit('logged-out', { text: '' });
  }

  loginFailed(event) {
    if (this.loginWaiter) {
      this.loginWaiter.reject(event);
      this.loginWaiter = null;
      this.credentials = null;
    } else if (this.credentials && this.credentials.token && event.command === 'resume') {
      this.credentials.token = null; // used or expired: the password still works
      this.sendLogin();
    } else if (this.credentials) {
      this.credentials = null;
      this.emit('logged-out', { text: event.text });
    }
  }

  async loggedIn(event) {
    if (this.credentials) {
      this.credentials.register = false;
      if (event.resume) this.credentials.token = event.resume;
    }
    const sameUser = this.store.me && this.store.me.toLowerCase() === event.user.toLowerCase();
    if (!sameUser) this.store.reset();
    this.store.me = event.user;
    this.store.roles = event.roles || [];
    this.store.defaultChannel = event.channel; // where every login starts
    this.attempt = 0;
    this.setState('online');
    if (this.loginWaiter) {
      this.loginWaiter.resolve(event);
      this.loginWaiter = null;
    }
    try {
      await this.refresh();
      if (!this.store.active || !this.store.conversations.has(this.store.active)) this.open(channelKey(event.channel));
      else this.open(this.store.active);
      const lastSeen = this.lastSeen;
      this.lastSeen = null;
      await this.history.catchUp(lastSeen);
    } catch (error) {
      this.emit('notice', { text: error.text || String(error), kind: 'error' });
    }
  }

  /** Who I am, my channels, the commands and who is online, all from the server again. */
  async refresh() {
    const [help, whoami] = await Promise.all([this.request('//help'), this.refreshChannels(), this.refreshUsers()]);
    this.store.commands = help.data.commands || [];
    this.store.seeUser(this.store.me, whoami.data.color, true);
    this.emit('ready');
  }

  async refreshChannels() {
    const [whoami, listing] = await Promise.all([this.request('//whoami'), this.request('//channels')]);
    const known = new Map((listing.data.channels || []).map((c) => [c.name, c]));
    this.store.setChannels((whoami.data.channels || []).map((name) => known.get(name) || { name, private: false }));
    return whoami;
  }

  async refreshUsers() {
    const reply = await this.request('//users');
    this.store.setOnline(reply.data.users || [], reply.data.colors || {});
  }

  open(key) {
    this.store.setActive(key);
  }

  // ---- events from the server

  handle(event) {
    switch (event.type) {
      case 'welcome':
        this.store.server = event;
        this.setState('welcome');
        this.emit('welcome', event);
        if (this.credentials) this.sendLogin();
        break;
      case 'prompt':
        if (this.online) this.emit('prompt', event); // before login the page logs in by command
        break;
      case 'logged-in': this.loggedIn(event); break;
      case 'reply': this.settle(event.command, (w) => w.resolve(event)); break;
      case 'error': this.error(event); break;
      case 'message': this.live(channelKey(event.channel), event); break;
      case 'dm': this.live(dmKey(event.from === this.store.me ? event.to : event.from), event); break;
      case 'edit':
      case 'unsend':
        this.store.changeMessage(event.channel ? channelKey(event.channel)
          : dmKey(event.from === this.store.me ? event.to : event.from), event.id, event.type === 'edit' ? event.text : null);
        break;
      case 'broadcast': this.emit('broadcast', event); break;
      case 'join':
      case 'part': this.membership(event); break;
      case 'ping': this.connection.send(`//pong ${event.token}`); break;
      case 'bye': this.bye = event.reason; break;
      default: break;
    }
  }

  /** Hands a reply or error to whoever sent that command; unclaimed replies are shown as they are. */
  settle(command, action) {
    const waiters = this.pending.get((command || '').toLowerCase());
    if (waiters && waiters.length > 0) {
      action(waiters.shift());
      return true;
    }
    return false;
  }

  error(event) {
    if (!this.online) {
      if (!event.command && !this.loginWaiter) this.byeText = event.text;
      else this.loginFailed(event);
      return;
    }
    if (event.code === 'banned') this.byeText = event.text;
    if (!this.settle(event.command, (w) => w.reject(event))) {
      this.emit('notice', { text: event.text, kind: 'error', code: event.code });
    }
  }

  live(key, message) {
    if (!this.store.addMessage(key, message, { live: true })) return;
    const sender = this.store.users.get(message.from.toLowerCase());
    if (sender && !sender.online) { // whoever just wrote is online; the list has no push events of its own
      sender.online = true;
      this.store.changed('users');
    }
    const mine = message.from === this.store.me;
    const mentioned = mentions(message, this.store.me);
    if (!mine && (this.store.active !== key || document.hidden)) this.store.markUnread(key, mentioned);
    if (!mine && (mentioned || message.type === 'dm')) this.emit('attention', { key, message, mentioned });
  }

  membership(event) {
    const key = channelKey(event.channel);
    const text = `${event.user} ${event.type === 'join' ? 'joined' : 'left'} #${event.channel}`
      + (event.reason ? ` (${event.reason})` : '');
    if (event.user.toLowerCase() !== (this.store.me || '').toLowerCase()) {
      if (this.store.conversations.has(key)) this.store.addNotice(key, text, 'membership');
      return;
    }
    if (event.type === 'join') {
      this.refreshChannels().then(() => this.history.load(key)).catch(() => {});
    } else {
      this.store.channels.delete(event.channel);
      this.store.removeConversation(key);
      this.store.changed('channels');
      if (!this.store.active && this.store.defaultChannel) this.open(channelKey(this.store.defaultChannel));
      this.emit('notice', { text: event.reason ? `#${event.channel} was deleted.` : `You left #${event.channel}.`, kind: 'info' });
    }
  }

  // ---- sending

  /** Sends a command whose reply (or error) settles the promise. */
  request(line) {
    return new Promise((resolve, reject) => {
      const name = commandName(line);
      const waiters = this.pending.get(name) || [];
      this.pending.set(name, waiters);
      const waiter = { resolve, reject };
      waiters.push(waiter);
      if (!this.connection || !this.connection.send(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        reject({ code: 'offline', text: 'Not connected.' });
      }
    });
  }

  /** Answers the open prompt (a line the server asked for). */
  answer(text) {
    this.connection.send(text);
  }

  /** A message to a conversation, by //msg, so it can never land in another channel than the one shown. */
  say(key, text) {
    const target = key.startsWith('#') ? key : key.slice(1);
    return this.request(`//msg ${target} ${text}`);
  }
}
