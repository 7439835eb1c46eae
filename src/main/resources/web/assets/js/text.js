// What a message's text turns into on screen: text nodes and, for http(s) addresses only, links.

import { h } from './dom.js';

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The text as nodes, with http and https addresses as links that open apart from this page. */
export function linkify(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let raw = match[0];
    const trailing = raw.match(TRAILING);
    if (trailing) raw = raw.slice(0, raw.length - trailing[0].length);
    const url = safeUrl(raw);
    if (!url) continue;
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow', text: raw }));
    last = match.index + raw.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

function safeUrl(raw) {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
  } catch {
    return null;
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether the message names `me` as a word (with or without @), or lists me among its `mentions`. */
export function mentions(message, me) {
  if (!me || message.from === me) return false;
  if (Array.isArray(message.mentions)) {
    return message.mentions.some((name) => name.toLowerCase() === me.toLowerCase());
  }
  const word = new RegExp(`(^|[^A-Za-z0-9_-])@?${escapeRegExp(me)}($|[^A-Za-z0-9_-])`, 'i');
  return word.test(message.text || '');
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });

export const formatTime = (ts) => timeFormat.format(new Date(ts));
export const formatDay = (ts) => dayFormat.format(new Date(ts));

/** The local calendar day of a timestamp, for day separators. */
export function dayKey(ts) {
  const date = new Date(ts);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}
