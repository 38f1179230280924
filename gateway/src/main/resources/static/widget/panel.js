// The widget's frame: the launcher, the window (open or closed, kept across reloads) and which view it shows.
import { el } from "./dom.js";
import { directoryView, startView } from "./directory.js";
import { ChatView } from "./chat.js";

export class Panel {
  constructor(api, store, config, stylesheet) {
    this.api = api;
    this.store = store;
    this.config = config;
    this.stylesheet = stylesheet;
    this.chat = null;
    this.widget = null;
  }

  attach(parent, pageLauncher) {
    const host = el("parley-widget", { class: "parley-widget" });
    const root = host.attachShadow({ mode: "open" });
    const frame = el("div", { class: "frame", hidden: true });
    const css = el("link", { rel: "stylesheet", href: this.stylesheet });
    // Nothing shows until the stylesheet is in, so the page never flashes an unstyled widget.
    const reveal = () => (frame.hidden = false);
    css.addEventListener("load", reveal);
    css.addEventListener("error", reveal);

    this.unread = el("span", { class: "badge", hidden: true, "aria-label": "unread replies" });
    this.launcherLabel = el("span", {}, "Chat with us");
    this.launcher = el(
      "button",
      { type: "button", class: "launcher", "aria-expanded": "false", onclick: () => this.toggle(this.window.hidden) },
      this.launcherLabel,
      this.unread,
    );
    this.title = el("h2", {}, "Chat");
    this.body = el("div", { class: "body" });
    this.window = el(
      "section",
      { class: "panel", role: "dialog", "aria-label": "Chat", hidden: true },
      el(
        "header",
        {},
        this.title,
        el("button", { type: "button", class: "close", "aria-label": "Minimise chat", onclick: () => this.toggle(false) }, "\u2013"),
      ),
      this.body,
    );
    if (pageLauncher) {
      this.launcher.hidden = true;
      pageLauncher.addEventListener("click", () => this.toggle(true));
    }
    frame.append(this.window, this.launcher);
    root.append(css, frame);
    parent.append(host);

    if (this.config.mode === "call-to-action") this.labelLauncher();
    if (this.store.read().open) this.toggle(true);
  }

  async labelLauncher() {
    const widget = await this.loadWidget();
    if (widget && widget.callToAction) this.launcherLabel.textContent = widget.callToAction.label;
  }

  async loadWidget() {
    if (!this.widget) {
      const result = await this.api.widget(this.config.widgetId);
      if (result.ok) this.widget = result.json;
    }
    return this.widget;
  }

  toggle(open) {
    this.window.hidden = !open;
    this.launcher.setAttribute("aria-expanded", String(open));
    this.store.update({ open });
    if (open) {
      this.clearUnread();
      if (this.chat) this.chat.markSeen(this.chat.live.lastSeq);
      if (!this.body.firstChild) this.home();
    }
  }

  /** The first view: the chat under way, or how this widget starts one. */
  async home() {
    const conversation = this.store.read().conversation;
    if (conversation && conversation.token) {
      this.openChat(conversation);
      return;
    }
    if (this.config.mode === "link") {
      this.show(this.config.linkTitle, startView(this, { type: "LINK", id: this.config.link }, this.config.linkTitle, false));
      return;
    }
    this.show("Chat", el("p", { class: "muted" }, "Loading\u2026"));
    const widget = await this.loadWidget();
    if (!widget) {
      this.show("Chat", el("p", { class: "error" }, "Chat is not available right now."));
    } else if (this.config.mode === "call-to-action" && widget.callToAction) {
      const label = widget.callToAction.label;
      this.show(label, startView(this, { type: "CTA", id: widget.callToAction.tagId }, label, false));
    } else {
      this.show(widget.name || "Chat", directoryView(this, widget));
    }
  }

  show(title, ...views) {
    this.title.textContent = title;
    this.body.replaceChildren(...views);
  }

  started(conversation) {
    this.store.update({ conversation, open: true });
    this.openChat(conversation, true);
  }

  openChat(conversation, focus) {
    if (this.chat) this.chat.close();
    this.chat = new ChatView(this, conversation);
    this.show(conversation.title || "Chat", ...this.chat.nodes());
    this.chat.start(focus);
  }

  /** The conversation is over for this browser (left, or its token no longer valid): back to the start. */
  leave() {
    if (this.chat) this.chat.close();
    this.chat = null;
    this.store.forgetConversation();
    this.home();
  }

  noteUnread(message) {
    if (!this.window.hidden || message.from !== "STAFF") return;
    const count = Number(this.unread.textContent || 0) + 1;
    this.unread.textContent = String(count);
    this.unread.hidden = false;
  }

  clearUnread() {
    this.unread.textContent = "";
    this.unread.hidden = true;
  }
}
