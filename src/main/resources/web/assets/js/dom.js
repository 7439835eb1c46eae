// Building the page: every piece of text goes in as a text node, never as markup.

/** The element with this id. */
export const byId = (id) => document.getElementById(id);

/**
 * Creates an element. Props: `class`, `text` (text content), `on<event>` (listeners), `dataset`, `vars` (CSS
 * custom properties, set through the CSSOM, which the Content-Security-Policy allows), anything else as an
 * attribute (true: present, false/null: absent). Children are nodes or strings (as text).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'text') element.textContent = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key === 'vars') Object.entries(value).forEach(([name, v]) => element.style.setProperty(name, v));
    else if (key.startsWith('on')) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children, skipping absent ones (null, undefined, false). */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** A name colour for the `--name-color` variable, only if it is a plain #rrggbb. */
export function nameColor(color) {
  return COLOR.test(color || '') ? { '--name-color': color } : undefined;
}
