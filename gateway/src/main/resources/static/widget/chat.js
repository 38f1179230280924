// The chat: the transcript (redrawn from the server after a reload), the live feed, and the message box
// whose half-typed text is kept across reloads.
import { el } from "./dom.js";
import { Live } from "./live.js";

export class ChatView {
  constructor(panel, conversation) {
    this.panel = panel;
    this.conversation = conversation;
    this.seen = conversation.lastSeq || 0;
    this.list = el("ol", { class: "messages", "aria-live": "polite" });
    this.status = el("p", { class: "status muted", role: "status" });
    this.error = el("p", { class: "error", role: "alert" });
    this.box = el("textarea", { name: "text", rows: "2", maxlength: "4000", "aria-label": "Message", placeholder: "Write a message" });
    this.box.value = panel.store.read().draft || "";
    this.box.addEventListener("input", () => panel.store.update({ draft: this.box.value }));
    this.box.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.form = el("form", { class: "send" }, this.box, el("button", { type: "submit", class: "primary" }, "Send"));
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
    this.leaveButton = el("button", { type: "button", class: "link", onclick: () => panel.leave() }, "Start a new chat");
    this.live = new Live(panel.api, conversation.token, 0, {
      message: (message) => this.add(message),
      seq: (seq) => this.markSeen(seq),
      invalid: () => panel.leave(),
      connected: (up) => (this.status.textContent = up ? "" : "Reconnecting\u2026"),
    });
  }

  nodes() {
    return [this.list, this.status, this.form, this.error, this.leaveButton];
  }

  /** Starts the feed; the box takes the focus only when the visitor just acted, not on a page load. */
  start(focus) {
    this.live.start();
    if (focus) queueMicrotask(() => this.box.focus());
  }

  close() {
    this.live.stop();
  }

  async send() {
    const text = this.box.value.trim();
    if (!text) return;
    this.error.textContent = "";
    const result = await this.panel.api.send(this.conversation.token, text);
    if (result.ok) {
      this.box.value = "";
      this.panel.store.update({ draft: "" });
      if (!this.live.live) this.live.catchUp();
    } else if (result.status === 401) {
      this.panel.leave();
    } else {
      // The draft stays in the box (and in storage) to be sent again.
      this.error.textContent = (result.json && result.json.title) || "The message was not sent; try again.";
    }
  }

  add(message) {
    const from = String(message.from || "").toLowerCase();
    this.list.append(
      el(
        "li",
        { class: "message " + from, "data-seq": message.seq },
        from === "staff" ? el("span", { class: "meta" }, message.name || "") : null,
        el("span", { class: "text" }, message.text || ""),
      ),
    );
    this.list.scrollTop = this.list.scrollHeight;
    if (message.seq > this.seen) this.panel.noteUnread(message);
  }

  /** Messages shown while the window is open count as seen; the mark survives a reload with the token. */
  markSeen(seq) {
    if (this.panel.window.hidden || seq <= this.seen) return;
    this.seen = seq;
    const conversation = { ...this.conversation, lastSeq: seq };
    this.panel.store.update({ conversation });
  }
}
