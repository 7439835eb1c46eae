// Modal dialogs on the page's one <dialog>: questions, small forms and menus. The browser keeps the focus inside
// an open modal dialog and closes it on Escape.

import { byId, h } from '../dom.js';

const dialog = () => byId('dialog');

let current = null;

/**
 * Shows a dialog. `onClose(value)` runs once: with the value given to the returned `finish`, or 'cancel' when the
 * user pressed Escape. (Not through the 'close' event alone: that event comes later, when the next dialog may
 * already be showing.)
 */
function show(title, body, onClose = () => {}) {
  const element = dialog();
  const session = { done: false };
  const finish = (value) => {
    if (session.done) return;
    session.done = true;
    if (current === session && element.open) element.close(value);
    onClose(value);
  };
  if (current && !current.done) current.cancel();
  current = session;
  session.cancel = () => finish('cancel');
  element.onclose = () => {
    if (current === session && !element.open) finish('cancel'); // Escape
  };
  element.replaceChildren(h('h2', { id: 'dialog-title', text: title }), ...body(finish));
  element.setAttribute('aria-labelledby', 'dialog-title');
  if (!element.open) element.showModal();
  const first = element.querySelector('[autofocus], input, textarea, select, button.primary, button');
  if (first) first.focus();
}

/** Closes whatever dialog is open. */
export function closeDialog() {
  if (current) current.cancel();
}

/** Asks a yes/no question; resolves true for the confirming button. */
export function confirm(title, text, { confirmLabel = 'OK', cancelLabel = 'Cancel', danger = false } = {}) {
  return new Promise((resolve) => {
    show(title, (finish) => [h('p', { class: 'dialog-text', text }), h('div', { class: 'buttons' },
      h('button', { type: 'button', text: cancelLabel, onclick: () => finish('no') }),
      h('button', { type: 'button', class: danger ? 'primary danger' : 'primary', text: confirmLabel,
        onclick: () => finish('yes') }))], (value) => resolve(value === 'yes'));
  });
}

/**
 * A small form. Fields: {name, label, type ('text', 'password', 'textarea', 'checkbox', 'select'), value,
 * required, options: [{value, label}], hint, list (suggestions), disabled}. Resolves with the values, or null.
 * `validate(values)` may return an error text to show instead of closing.
 */
export function form(title, fields, { submitLabel = 'OK', intro, validate, danger = false } = {}) {
  return new Promise((resolve) => {
    const inputs = new Map();
    const error = h('p', { class: 'error', role: 'alert' });
    const rows = fields.map((field) => {
      const id = `dialog-${field.name}`;
      const input = control(field, id);
      inputs.set(field.name, input);
      const hint = field.hint ? h('p', { class: 'hint muted', id: `${id}-hint`, text: field.hint }) : null;
      if (hint) input.setAttribute('aria-describedby', hint.id);
      if (field.type === 'checkbox') return h('div', { class: 'field check' }, h('label', {}, input, ` ${field.label}`), hint);
      return h('div', { class: 'field' }, h('label', { for: id, text: field.label }), input, suggestions(field, id), hint);
    });
    const submit = h('button', { type: 'submit', class: danger ? 'primary danger' : 'primary', text: submitLabel });
    let result = null;
    let finish;
    const cancel = h('button', { type: 'button', text: 'Cancel', onclick: () => finish('cancel') });
    const element = h('form', { method: 'dialog', class: 'dialog-form', novalidate: true },
      intro ? h('p', { class: 'dialog-text', text: intro }) : null, ...rows, error,
      h('div', { class: 'buttons' }, cancel, submit));
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      const values = {};
      for (const [name, input] of inputs) values[name] = input.type === 'checkbox' ? input.checked : input.value;
      const missing = fields.find((f) => f.required && !String(values[f.name]).trim());
      const problem = missing ? `${missing.label} is required.` : validate && validate(values);
      if (problem) {
        error.textContent = problem;
        return;
      }
      result = values;
      finish('submit');
    });
    show(title, (done) => {
      finish = done;
      return [element];
    }, () => resolve(result));
  });
}

function control(field, id) {
  const common = { id, name: field.name, required: field.required, disabled: field.disabled };
  if (field.type === 'textarea') return h('textarea', { ...common, rows: 3, text: field.value || '' });
  if (field.type === 'select') {
    return h('select', common, (field.options || []).map((o) => h('option', { value: o.value, selected: o.value === field.value, text: o.label })));
  }
  if (field.type === 'checkbox') return h('input', { ...common, type: 'checkbox', checked: !!field.value });
  return h('input', { ...common, type: field.type || 'text', value: field.value || '', autocomplete: 'off',
    autocapitalize: 'none', spellcheck: 'false', list: field.list ? `${id}-list` : null });
}

/** Suggestions for a text field (e.g. the names online). */
function suggestions(field, id) {
  return field.list ? h('datalist', { id: `${id}-list` }, field.list.map((value) => h('option', { value }))) : null;
}

/** A list of actions, e.g. for a user; resolves when one ran or the menu was closed. */
export function menu(title, items) {
  return new Promise((resolve) => {
    show(title, (finish) => {
      const buttons = items.filter(Boolean).map((item) => h('button', {
        type: 'button', class: item.danger ? 'danger' : '', text: item.label,
        onclick: () => {
          finish('chosen');
          resolve(item.action());
        },
      }));
      buttons.push(h('button', { type: 'button', text: 'Close', onclick: () => finish('cancel') }));
      return [h('div', { class: 'menu' }, buttons)];
    }, (value) => value !== 'chosen' && resolve());
  });
}

/** Any HTML content with a close button (the admin panel). */
export function panel(title, content) {
  show(title, (finish) => [content, h('div', { class: 'buttons' }, h('button', { type: 'button', text: 'Close',
    onclick: () => finish('cancel') }))]);
}
