// The visitor widget, embedded with one tag: <script src="https://parley.example/widget/widget.js" data-widget="demo">.
// A classic script (so it can find its own tag), no library. It draws into a shadow root so the host page's
// styles do not leak in; every text from the server goes in as a text node, never as HTML. The visitor token
// is kept in sessionStorage, so a reload of the page continues the same conversation.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.widget) return;
  var origin = new URL(script.src, location.href).origin;
  var widgetId = script.dataset.widget;
  var storageKey = "parley.widget." + widgetId;

  function el(tag, attrs) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "class") node.className = value;
      else if (name.indexOf("on") === 0) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function saved() {
    try {
      return JSON.parse(sessionStorage.getItem(storageKey) || "null");
    } catch (e) {
      return null;
    }
  }

  function save(state) {
    if (state) sessionStorage.setItem(storageKey, JSON.stringify(state));
    else sessionStorage.removeItem(storageKey);
  }

  function call(method, path, body, token) {
    var headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = "Bearer " + token;
    return fetch(origin + path, {
      method: method,
      headers: headers,
      credentials: "omit",
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        return { ok: response.ok, status: response.status, json: json };
      });
    });
  }

  // --- the frame -----------------------------------------------------------------------------------------

  var host = el("div", { class: "parley-widget" });
  var root = host.attachShadow({ mode: "open" });
  root.append(el("link", { rel: "stylesheet", href: origin + "/widget/widget.css" }));
  var launcher = el("button", { type: "button", class: "launcher", "aria-expanded": "false" }, "Chat with us");
  var panel = el("section", { class: "panel", role: "dialog", "aria-label": "Chat", hidden: true });
  var title = el("h2", {}, "Chat");
  var body = el("div", { class: "body" });
  var closer = el("button", { type: "button", class: "close", "aria-label": "Minimise chat" }, "\u2013");
  panel.append(el("header", {}, title, closer), body);
  root.append(panel, launcher);

  launcher.addEventListener("click", function () {
    toggle(panel.hidden);
  });
  closer.addEventListener("click", function () {
    toggle(false);
  });

  function toggle(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    var state = saved();
    if (state) {
      state.open = open;
      save(state);
    }
    if (open && !body.firstChild) show();
  }

  function show() {
    var state = saved();
    if (state && state.token) chat(state);
    else directory();
  }

  function problemText(result, fallback) {
    return (result.json && result.json.title) || fallback;
  }

  // --- Tag Directory -------------------------------------------------------------------------------------

  function directory() {
    title.textContent = "Chat";
    body.replaceChildren(el("p", { class: "muted" }, "Loading\u2026"));
    call("GET", "/api/widget/" + encodeURIComponent(widgetId)).then(function (result) {
      if (!result.ok) {
        body.replaceChildren(el("p", { class: "error" }, "Chat is not available right now."));
        return;
      }
      title.textContent = result.json.name || "Chat";
      var list = el("ul", { class: "tags" });
      result.json.tags.forEach(function (tag) {
        list.append(
          el(
            "li",
            {},
            el(
              "button",
              {
                type: "button",
                class: "tag",
                "data-tag": tag.id,
                onclick: function () {
                  startForm(tag);
                },
              },
              el("strong", {}, tag.name),
              tag.description ? el("span", { class: "muted" }, tag.description) : null,
            ),
          ),
        );
      });
      body.replaceChildren(el("p", {}, "What can we help you with?"), list);
    });
  }

  function startForm(tag) {
    var error = el("p", { class: "error", role: "alert" });
    var form = el(
      "form",
      { class: "start" },
      el("p", { class: "muted" }, tag.name),
      el("label", {}, "Your name", el("input", { name: "name", maxlength: "100", autocomplete: "name" })),
      el("label", {}, "Your message", el("textarea", { name: "text", rows: "3", maxlength: "4000", required: true })),
      el("div", { class: "row" },
        el("button", { type: "button", class: "secondary", onclick: directory }, "Back"),
        el("button", { type: "submit", class: "primary" }, "Start chat")),
      error,
    );
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = form.elements.text.value.trim();
      if (!text) return;
      form.querySelector("button[type=submit]").disabled = true;
      call("POST", "/api/widget/" + encodeURIComponent(widgetId) + "/conversations", {
        entry: { type: "TAG", id: tag.id },
        visitor: { name: form.elements.name.value },
        text: text,
      }).then(function (result) {
        if (!result.ok) {
          form.querySelector("button[type=submit]").disabled = false;
          error.textContent = problemText(result, "The chat could not start; try again.");
          return;
        }
        var state = { token: result.json.visitorToken, conversationId: result.json.conversationId, title: tag.name, open: true };
        save(state);
        chat(state);
      });
    });
    body.replaceChildren(form);
    form.elements.name.focus();
  }

  // --- the chat ------------------------------------------------------------------------------------------

  var socket = null;
  var lastSeq = 0;
  var list = null;

  function chat(state) {
    title.textContent = state.title || "Chat";
    lastSeq = 0;
    list = el("ol", { class: "messages", "aria-live": "polite" });
    var box = el("textarea", { name: "text", rows: "2", maxlength: "4000", "aria-label": "Message", placeholder: "Write a message" });
    var error = el("p", { class: "error", role: "alert" });
    var form = el("form", { class: "send" }, box, el("button", { type: "submit", class: "primary" }, "Send"));
    var leave = el("button", { type: "button", class: "link" }, "Start a new chat");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = box.value.trim();
      if (!text) return;
      error.textContent = "";
      call("POST", "/api/visitor/messages", { text: text }, state.token).then(function (result) {
        if (result.ok) {
          box.value = "";
          catchUp(state);
        } else if (result.status === 401) {
          forget();
        } else {
          error.textContent = problemText(result, "The message was not sent.");
        }
      });
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    leave.addEventListener("click", forget);
    body.replaceChildren(list, form, error, leave);
    connect(state, 0);
    catchUp(state);
  }

  function catchUp(state) {
    call("GET", "/api/visitor/messages?after=" + lastSeq, undefined, state.token).then(function (result) {
      if (result.ok) result.json.forEach(add);
      else if (result.status === 401) forget();
    });
  }

  function connect(state, attempt) {
    var url = origin.replace(/^http/, "ws") + "/ws/visitor?token=" + encodeURIComponent(state.token);
    var current = new WebSocket(url);
    socket = current;
    current.addEventListener("message", function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === "hello") current.send(JSON.stringify({ type: "resume", after: lastSeq }));
      else if (frame.type === "message") add(frame.message);
    });
    current.addEventListener("close", function (event) {
      if (socket !== current) return;
      if (event.code === 1008) {
        forget();
        return;
      }
      setTimeout(function () {
        if (socket === current) connect(state, attempt + 1);
      }, Math.min(1000 * Math.pow(2, attempt), 15000));
    });
  }

  function add(message) {
    if (!list || message.seq <= lastSeq) return;
    lastSeq = message.seq;
    var from = String(message.from || "").toLowerCase();
    list.append(
      el(
        "li",
        { class: "message " + from, "data-seq": message.seq },
        from === "staff" ? el("span", { class: "meta" }, message.name || "") : null,
        el("span", { class: "text" }, message.text || ""),
      ),
    );
    list.scrollTop = list.scrollHeight;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "read", seq: lastSeq }));
  }

  function forget() {
    var old = socket;
    socket = null;
    if (old) old.close();
    save(null);
    list = null;
    directory();
  }

  function mount() {
    document.body.append(host);
    var state = saved();
    if (state && state.open) toggle(true);
  }

  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
