// A conversation's messages, each exactly once and in seq order (the visitor's seq has no gaps), live over
// /ws/visitor. While the socket is down the feed polls GET /api/visitor/messages?after=<last seq> and keeps
// trying to reconnect; a reconnected socket resumes after the last seq shown, so nothing is missed twice or
// shown twice.

const POLL_MS = 3000;
const MAX_BACKOFF_MS = 15000;
const PAGE = 500; // GET /api/visitor/messages answers at most this many at a time

export class Live {
  constructor(api, token, lastSeq, handlers) {
    this.api = api;
    this.token = token;
    this.lastSeq = lastSeq;
    this.handlers = handlers; // { message(m), seq(n), invalid(), connected(boolean) }
    this.socket = null;
    this.pollTimer = null;
    this.retryTimer = null;
    this.attempt = 0;
    this.stopped = false;
    this.onOnline = () => this.reconnectNow();
  }

  start() {
    window.addEventListener("online", this.onOnline);
    this.catchUp();
    this.connect();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener("online", this.onOnline);
    clearInterval(this.pollTimer);
    clearTimeout(this.retryTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.close();
  }

  get live() {
    return !!this.socket && this.socket.readyState === WebSocket.OPEN;
  }

  connect() {
    if (this.stopped) return;
    const socket = new WebSocket(this.api.socketUrl(this.token));
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === "hello") {
        this.attempt = 0;
        this.stopPolling();
        this.handlers.connected(true);
        socket.send(JSON.stringify({ type: "resume", after: this.lastSeq }));
      } else if (frame.type === "message") {
        this.accept(frame.message);
      }
    });
    socket.addEventListener("close", (event) => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      if (event.code === 1008) {
        this.handlers.invalid();
        return;
      }
      this.handlers.connected(false);
      this.startPolling();
      const delay = Math.min(1000 * 2 ** this.attempt, MAX_BACKOFF_MS);
      this.attempt += 1;
      this.retryTimer = setTimeout(() => this.connect(), delay);
    });
  }

  reconnectNow() {
    if (this.stopped || this.live) return;
    clearTimeout(this.retryTimer);
    if (this.socket) {
      const stale = this.socket;
      this.socket = null;
      stale.close();
    }
    this.attempt = 0;
    this.catchUp();
    this.connect();
  }

  startPolling() {
    if (this.pollTimer) return;
    this.catchUp();
    this.pollTimer = setInterval(() => this.catchUp(), POLL_MS);
  }

  stopPolling() {
    clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  async catchUp() {
    const result = await this.api.messages(this.token, this.lastSeq);
    if (this.stopped) return;
    if (result.ok && Array.isArray(result.json)) {
      result.json.forEach((message) => this.accept(message));
      if (result.json.length >= PAGE) this.catchUp();
    } else if (result.status === 401) {
      this.handlers.invalid();
    }
  }

  /** Takes the next message in line; one that skips ahead means something was missed, so fetch the gap. */
  accept(message) {
    if (!message || typeof message.seq !== "number" || message.seq <= this.lastSeq) return;
    if (message.seq > this.lastSeq + 1) {
      this.catchUp();
      return;
    }
    this.lastSeq = message.seq;
    this.handlers.message(message);
    this.handlers.seq(this.lastSeq);
    if (this.live) this.socket.send(JSON.stringify({ type: "read", seq: this.lastSeq }));
  }
}
