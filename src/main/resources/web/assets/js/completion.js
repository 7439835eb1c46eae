// Tab completion in the composer: command names after //, channels after #, user names elsewhere.

/** The longest start that every candidate shares. */
export function commonPrefix(candidates) {
  if (candidates.length === 0) return '';
  let prefix = candidates[0];
  for (const candidate of candidates) {
    while (!candidate.toLowerCase().startsWith(prefix.toLowerCase())) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * What the word before the caret could become.
 * @param sources {commands: names without //, channels: names without #, users: names}
 * @returns {start, word, candidates}: the word's position and the matching completions (with their // or #)
 */
export function candidatesAt(text, caret, sources) {
  const before = text.slice(0, caret);
  const start = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n')) + 1;
  const word = before.slice(start);
  const lower = word.toLowerCase();
  let pool;
  if (start === 0 && word.startsWith('//')) pool = sources.commands.map((name) => `//${name}`);
  else if (word.startsWith('#')) pool = sources.channels.map((name) => `#${name}`);
  else if (word.startsWith('@')) pool = sources.users.map((name) => `@${name}`);
  else pool = sources.users;
  const candidates = word === '' ? [] : [...new Set(pool)].filter((c) => c.toLowerCase().startsWith(lower)).sort();
  return { start, word, candidates };
}

/** Completion state across Tab presses: the first fills the common prefix, further ones cycle. */
export class Completer {
  constructor(sources) {
    this.sources = sources;
    this.cycle = null;
  }

  reset() {
    this.cycle = null;
  }

  /** @returns {text, caret, candidates} or null when nothing matches */
  complete(text, caret) {
    if (this.cycle && this.cycle.text === text && this.cycle.caret === caret) {
      const { start, candidates } = this.cycle;
      this.cycle.index = (this.cycle.index + 1) % candidates.length;
      return this.replace(text, caret, start, candidates[this.cycle.index], candidates);
    }
    const { start, word, candidates } = candidatesAt(text, caret, this.sources());
    if (candidates.length === 0) return null;
    if (candidates.length === 1) {
      this.cycle = null;
      return this.replace(text, caret, start, `${candidates[0]} `, candidates, true);
    }
    const prefix = commonPrefix(candidates);
    const result = this.replace(text, caret, start, prefix.length > word.length ? prefix : word, candidates);
    this.cycle = { text: result.text, caret: result.caret, start, candidates, index: -1 };
    return result;
  }

  replace(text, caret, start, insert, candidates, done = false) {
    const next = text.slice(0, start) + insert + text.slice(caret);
    const nextCaret = start + insert.length;
    if (this.cycle && !done) {
      this.cycle.text = next;
      this.cycle.caret = nextCaret;
    }
    return { text: next, caret: nextCaret, candidates };
  }
}
