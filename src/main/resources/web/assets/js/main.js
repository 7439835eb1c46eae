// The web client's start: one store, one connection to the chat, the views around them.

import { ChatClient } from './client.js';
import { byId } from './dom.js';
import { Notifier } from './notify.js';
import { Store } from './state.js';
import { Actions } from './views/actions.js';
import { Composer } from './views/composer.js';
import { LoginView } from './views/login.js';
import { MessageList } from './views/messages.js';
import { Sidebar } from './views/sidebar.js';
import { StatusView } from './views/status.js';

const USERS_REFRESH_MILLIS = 30000;

const store = new Store();
const client = new ChatClient(store);
const actions = new Actions(store, client);

function showApp() {
  byId('login').hidden = true;
  byId('app').hidden = false;
  byId('composer-input').focus();
}

const login = new LoginView(store, client, { onLoggedIn: showApp });
new StatusView(store, client, {
  onEnded: () => {
    store.reset();
    login.show();
    client.connect();
  },
});
new Sidebar(store, client, {
  onUser: (name) => actions.userMenu(name),
  onAddChannel: () => actions.joinOrCreate(),
  onAddDm: () => actions.newDirectMessage(),
});
new MessageList(store, client, { onAuthor: (name) => actions.userMenu(name) });
new Composer(store, client, actions);
new Notifier(client);

client.addEventListener('notice', (event) => actions.note(event.detail.text, event.detail.kind));
client.addEventListener('broadcast', (event) => {
  const { from, text } = event.detail;
  for (const conversation of store.conversations.values()) {
    if (conversation.kind === 'channel') store.addNotice(conversation.key, `Broadcast from ${from}: ${text}`, 'broadcast');
  }
});
byId('logout').addEventListener('click', () => {
  client.logout();
  login.show();
});

// The online list has no push events: look again now and then, and when the tab comes back.
setInterval(() => client.online && !document.hidden && client.refreshUsers().catch(() => {}), USERS_REFRESH_MILLIS);
document.addEventListener('visibilitychange', () => {
  if (!document.hidden && client.online) {
    client.refreshUsers().catch(() => {});
    if (store.active) store.setActive(store.active);
  }
});

login.show();
client.connect(); // the welcome says whether registration is open
