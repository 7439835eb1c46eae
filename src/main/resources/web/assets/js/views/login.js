// The login and registration form. The password goes only into the WebSocket (//login or //register) and into
// memory for logging in again after a reconnect; never into the address, a cookie or the browser's storage.

import { byId } from '../dom.js';

export class LoginView {
  constructor(store, client, { onLoggedIn }) {
    this.store = store;
    this.client = client;
    this.onLoggedIn = onLoggedIn;
    this.form = byId('login-form');
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.form.addEventListener('change', () => this.mode());
    client.addEventListener('welcome', (event) => this.welcome(event.detail));
    client.addEventListener('logged-out', (event) => this.show(event.detail.text));
  }

  get registering() {
    return this.form.elements.mode.value === 'register';
  }

  welcome(welcome) {
    byId('login-server').textContent = `${welcome.server} ${welcome.version} on ${welcome.node}`;
    const closed = welcome.registration === 'closed';
    byId('mode-register-label').hidden = closed;
    byId('registration-closed').hidden = !closed;
    if (closed) this.form.elements.mode.value = 'login';
    this.mode();
  }

  mode() {
    const register = this.registering;
    byId('repeat-row').hidden = !register;
    byId('login-hint').hidden = !register;
    byId('login-password').autocomplete = register ? 'new-password' : 'current-password';
    byId('login-submit').textContent = register ? 'Create account' : 'Log in';
  }

  show(error = '') {
    byId('app').hidden = true;
    byId('login').hidden = false;
    byId('login-password').value = '';
    byId('login-repeat').value = '';
    this.error(error);
    byId(byId('login-user').value ? 'login-password' : 'login-user').focus();
  }

  error(text) {
    byId('login-error').textContent = text || '';
  }

  async submit() {
    const user = byId('login-user').value.trim();
    const password = byId('login-password').value;
    if (!user) return this.invalid('login-user', 'Enter your username.');
    if (!password) return this.invalid('login-password', 'Enter your password.');
    if (/\s/.test(user)) return this.invalid('login-user', 'A username has no spaces.');
    if (this.registering && password !== byId('login-repeat').value) {
      return this.invalid('login-repeat', 'The passwords differ.');
    }
    this.error('');
    const button = byId('login-submit');
    button.disabled = true;
    const label = button.textContent;
    button.textContent = this.registering ? 'Creating…' : 'Logging in…';
    try {
      await this.client.login(user, password, this.registering);
      byId('login-password').value = '';
      byId('login-repeat').value = '';
      byId('login').hidden = true;
      this.onLoggedIn();
    } catch (error) {
      this.invalid(error.code === 'bad-credentials' ? 'login-password' : 'login-user', error.text || 'That did not work.');
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
    return undefined;
  }

  invalid(field, text) {
    this.error(text);
    byId(field).setAttribute('aria-invalid', 'true');
    byId(field).focus();
    byId(field).addEventListener('input', () => byId(field).removeAttribute('aria-invalid'), { once: true });
  }
}
