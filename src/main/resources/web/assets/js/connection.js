// The WebSocket to the server: one JSON event per message in, one line per message out.

/** The address of the chat's WebSocket on the server that served this page (wss when the page came over https). */
export function socketUrl(location = window.location) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/** Delays between reconnection attempts: 1 s doubling up to 30 s, each spread by +-20 %. */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(30000, 1000 * 2 ** Math.min(attempt, 5));
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class Connection {
  /**
   * @param handlers onOpen(), onEvent(event), onClose({code, reason}); called for this socket only, so a late
   * event of an old socket never reaches a newer session
   */
  constructor(url, handlers) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener('open', () => handlers.onOpen());
    this.socket.addEventListener('message', (message) => {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch {
        return; // not ours: the server speaks json on this listener
      }
      handlers.onEvent(event);
    });
    this.socket.addEventListener('close', (close) => handlers.onClose({ code: close.code, reason: close.reason }));
  }

  get isOpen() {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one line; false when the socket is not open. */
  send(line) {
    if (!this.isOpen) return false;
    this.socket.send(line);
    return true;
  }

  close() {
    this.socket.close(1000);
  }
}
