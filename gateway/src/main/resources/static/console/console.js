// The agent console: plain ES module, no library. Every text from the server goes into the page as a text
// node (el() and textContent), never as HTML. The staff token stays in the HttpOnly parley_session cookie.

const $ = (id) => document.getElementById(id);
const wsBase = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;

const REASONS = {
  ACCEPTED: "You accepted it",
  TAKEN_BY_OTHER: "Taken by someone else",
  EXPIRED: "Nobody accepted it in time",
  CLOSED: "The enquiry was closed",
  NOT_ELIGIBLE: "No longer offered to you",
  DESTINATION_CHANGED: "Moved to another destination",
};
const ACCEPT_ERRORS = {
  "enquiry.already-accepted": "TAKEN_BY_OTHER",
  "enquiry.expired": "EXPIRED",
  "enquiry.not-offered": "NOT_ELIGIBLE",
};
const ENTRY_POINTS = {
  TAG: "Tag",
  STAFF: "Staff Directory",
  CTA: "Call-to-action",
  LINK: "Web link",
  QR: "QR code",
  CHANNEL: "Channel",
};

/** Creates an element; string children become text nodes, so they are never parsed as markup. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401 && !path.startsWith("/api/auth/login")) {
    signedOut();
  }
  return { status: response.status, ok: response.ok, json, code: json && json.code };
}

// --- state ---------------------------------------------------------------------------------------------

const offers = new Map(); // enquiryId -> { offer, node, gone }
let agentSocket = null;
let roomsSocket = null;
let room = null; // { id, lastSeq, state }
let running = false;
let ticker = null;
let pinger = null;

// --- sign-in -------------------------------------------------------------------------------------------

async function start() {
  const me = await api("GET", "/api/presence/me");
  if (me.ok) {
    signedIn(me.json);
  } else {
    showLogin();
  }
}

function showLogin() {
  $("app").hidden = true;
  $("login").hidden = false;
  $("login-form").elements.username.focus();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  $("login-error").textContent = "";
  const result = await api("POST", "/api/auth/login", {
    username: form.elements.username.value,
    password: form.elements.password.value,
  });
  if (!result.ok) {
    $("login-error").textContent =
      result.code === "auth.too-many-attempts"
        ? "Too many failed attempts; wait a few minutes."
        : "Wrong username or password.";
    return;
  }
  form.reset();
  sessionStorage.setItem("parley.console.name", result.json.staff.name);
  const me = await api("GET", "/api/presence/me");
  signedIn(me.json);
});

$("logout").addEventListener("click", async () => {
  await api("POST", "/api/auth/logout");
  signedOut();
});

function signedIn(availability) {
  running = true;
  $("login").hidden = true;
  $("app").hidden = false;
  $("me").textContent = sessionStorage.getItem("parley.console.name") || availability.staffId;
  showStatus(availability);
  connectAgent();
  connectRooms();
  loadRooms();
  ticker = setInterval(tick, 1000);
  pinger = setInterval(() => {
    send(agentSocket, { type: "ping" });
    send(roomsSocket, { type: "ping" });
  }, 60000);
}

function signedOut() {
  if (!running) return;
  running = false;
  clearInterval(ticker);
  clearInterval(pinger);
  for (const socket of [agentSocket, roomsSocket]) if (socket) socket.close();
  agentSocket = roomsSocket = null;
  offers.clear();
  $("offers").replaceChildren();
  $("rooms").replaceChildren();
  $("room").hidden = true;
  room = null;
  sessionStorage.removeItem("parley.console.name");
  showLogin();
}

// --- availability --------------------------------------------------------------------------------------

function showStatus(availability) {
  $("status").textContent = availability.status;
  for (const button of document.querySelectorAll(".availability button")) {
    button.setAttribute("aria-pressed", String(button.dataset.status === availability.status));
  }
}

for (const button of document.querySelectorAll(".availability button")) {
  button.addEventListener("click", async () => {
    const result = await api("PUT", "/api/presence/me", { status: button.dataset.status });
    if (result.ok) showStatus(result.json);
  });
}

// --- sockets -------------------------------------------------------------------------------------------

function send(socket, frame) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function connection(text) {
  $("connection").hidden = !text;
  $("connection").textContent = text || "";
}

function connectAgent(attempt = 0) {
  if (!running) return;
  const socket = new WebSocket(wsBase + "/ws/agent");
  agentSocket = socket;
  socket.addEventListener("open", () => connection(""));
  socket.addEventListener("message", (event) => onAgentFrame(JSON.parse(event.data)));
  socket.addEventListener("close", (event) => {
    if (agentSocket !== socket || !running) return;
    if (event.code === 4001) {
      signedOut();
      return;
    }
    connection("Reconnecting…");
    setTimeout(() => connectAgent(attempt + 1), Math.min(1000 * 2 ** attempt, 15000));
  });
}

function onAgentFrame(frame) {
  switch (frame.type) {
    case "snapshot":
      showStatus(frame.status);
      for (const [id, entry] of offers) if (!entry.gone) removeOffer(id);
      for (const offer of frame.offers) addOffer(offer);
      break;
    case "status":
      showStatus(frame.status);
      break;
    case "offer.created":
      addOffer(frame.offer);
      break;
    case "offer.withdrawn":
      withdrawOffer(frame.enquiryId, frame.reason);
      break;
    default:
      break;
  }
}

function connectRooms(attempt = 0) {
  if (!running) return;
  const socket = new WebSocket(wsBase + "/ws/rooms");
  roomsSocket = socket;
  socket.addEventListener("open", () => {
    if (room) send(socket, { type: "subscribe", roomId: room.id, after: room.lastSeq });
  });
  socket.addEventListener("message", (event) => onRoomFrame(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    if (roomsSocket !== socket || !running) return;
    setTimeout(() => connectRooms(attempt + 1), Math.min(1000 * 2 ** attempt, 15000));
  });
}

function onRoomFrame(frame) {
  if (!room || frame.roomId !== room.id) return;
  switch (frame.type) {
    case "message":
      addMessage(frame.message);
      break;
    case "status": {
      const node = document.querySelector(`#messages [data-seq="${Number(frame.seq)}"] .delivery`);
      if (node) node.textContent = frame.status;
      break;
    }
    case "closed":
      showRoomState("CLOSED");
      loadRooms();
      break;
    case "error":
      $("room-error").textContent = frame.title || frame.code;
      break;
    default:
      break;
  }
}

// --- the Open Enquiry panel ----------------------------------------------------------------------------

function addOffer(offer) {
  const existing = offers.get(offer.enquiryId);
  if (existing && !existing.gone) return;
  if (existing) existing.node.remove();
  const entry = offer.entryPoint || {};
  const countdown = el("span", { class: "countdown", "data-testid": "countdown" });
  const accept = el("button", { type: "button", class: "primary" }, "Accept");
  const reason = el("span", { class: "reason", role: "status" });
  const node = el(
    "li",
    { class: "offer", "data-enquiry": offer.enquiryId, "data-testid": "offer" },
    el(
      "div",
      { class: "top" },
      el("span", { class: "channel", title: "Channel" }, offer.channel),
      el("strong", { class: "customer" }, (offer.customer && offer.customer.name) || "Customer"),
      countdown,
    ),
    el(
      "span",
      { class: "muted from" },
      `${ENTRY_POINTS[entry.type] || entry.type || ""}${entry.label ? ": " + entry.label : ""}`,
      offer.type === "DIRECT" ? " (to you)" : "",
    ),
    el("span", { class: "preview" }, offer.preview || ""),
    el("div", {}, accept, " ", reason),
  );
  accept.addEventListener("click", () => acceptOffer(offer.enquiryId, accept));
  offers.set(offer.enquiryId, { offer, node, countdown, reason, accept, gone: false });
  $("offers").append(node);
  updateCountdown(offers.get(offer.enquiryId));
  $("no-offers").hidden = true;
}

function withdrawOffer(enquiryId, reason) {
  const entry = offers.get(enquiryId);
  if (!entry || entry.gone) return;
  entry.gone = true;
  entry.node.classList.add("gone");
  entry.accept.disabled = true;
  entry.countdown.textContent = "";
  entry.reason.textContent = REASONS[reason] || reason;
  setTimeout(() => removeOffer(enquiryId), 5000);
}

function removeOffer(enquiryId) {
  const entry = offers.get(enquiryId);
  if (!entry) return;
  entry.node.remove();
  offers.delete(enquiryId);
  $("no-offers").hidden = offers.size > 0;
}

function updateCountdown(entry) {
  if (entry.gone) return;
  const left = Math.max(0, Math.ceil((Date.parse(entry.offer.expiresAt) - Date.now()) / 1000));
  entry.countdown.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
}

function tick() {
  for (const entry of offers.values()) updateCountdown(entry);
}

async function acceptOffer(enquiryId, button) {
  button.disabled = true;
  const result = await api("POST", `/api/enquiries/${encodeURIComponent(enquiryId)}/accept`);
  if (result.ok) {
    withdrawOffer(enquiryId, "ACCEPTED");
    await openRoom(result.json.roomId);
    loadRooms();
  } else {
    withdrawOffer(enquiryId, ACCEPT_ERRORS[result.code] || result.code || "Could not accept");
  }
}

// --- rooms ---------------------------------------------------------------------------------------------

async function loadRooms() {
  const result = await api("GET", "/api/rooms");
  if (!result.ok) return;
  $("rooms").replaceChildren(
    ...result.json
      .filter((summary) => summary.state !== "CLOSED" || (room && summary.roomId === room.id))
      .map((summary) =>
        el(
          "li",
          {},
          el(
            "button",
            {
              type: "button",
              "aria-current": String(Boolean(room && room.id === summary.roomId)),
              onclick: () => openRoom(summary.roomId),
            },
            el("span", {}, (summary.customer && summary.customer.name) || summary.roomId, ` · ${summary.channel}`),
            summary.unread > 0 && !(room && room.id === summary.roomId)
              ? el("span", { class: "unread" }, summary.unread)
              : null,
          ),
        ),
      ),
  );
}

async function openRoom(roomId) {
  if (room && room.id !== roomId) send(roomsSocket, { type: "unsubscribe", roomId: room.id });
  room = { id: roomId, lastSeq: 0 };
  $("room").hidden = false;
  $("room-error").textContent = "";
  $("messages").replaceChildren();
  const detail = await api("GET", `/api/rooms/${encodeURIComponent(roomId)}`);
  if (!detail.ok || room.id !== roomId) {
    $("room-error").textContent = (detail.json && detail.json.title) || "This room cannot be opened.";
    return;
  }
  $("room-title").textContent = `${(detail.json.customer && detail.json.customer.name) || "Customer"} · ${detail.json.channel}`;
  showRoomState(detail.json.state);
  const messages = await api("GET", `/api/rooms/${encodeURIComponent(roomId)}/messages?after=0`);
  if (messages.ok && room.id === roomId) for (const message of messages.json) addMessage(message);
  send(roomsSocket, { type: "subscribe", roomId, after: room.lastSeq });
  loadRooms();
}

function showRoomState(state) {
  $("room-state").textContent = state;
  const closed = state === "CLOSED";
  $("room-close").disabled = closed;
  for (const control of $("send-form").elements) control.disabled = closed;
}

function addMessage(message) {
  if (!room || message.seq <= room.lastSeq) return;
  room.lastSeq = message.seq;
  const kind = message.sender.kind.toLowerCase();
  const time = new Date(message.sentAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  $("messages").append(
    el(
      "li",
      { class: `message ${kind}`, "data-seq": message.seq, "data-testid": "message" },
      kind === "system" ? null : el("span", { class: "meta" }, `${message.sender.name || ""} · ${time}`),
      el("span", { class: "text" }, message.text || ""),
      kind === "staff" ? el("span", { class: "meta delivery" }, message.status || "") : null,
    ),
  );
  $("messages").scrollTop = $("messages").scrollHeight;
}

$("send-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const box = event.target.elements.text;
  const text = box.value.trim();
  if (!text || !room) return;
  $("room-error").textContent = "";
  const result = await api("POST", `/api/rooms/${encodeURIComponent(room.id)}/messages`, { text });
  if (result.ok) {
    box.value = "";
  } else {
    $("room-error").textContent = (result.json && result.json.title) || "The message was not sent.";
  }
});

$("send-form").elements.text.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey) {
    event.preventDefault();
    $("send-form").requestSubmit();
  }
});

$("room-close").addEventListener("click", async () => {
  if (!room) return;
  const result = await api("POST", `/api/rooms/${encodeURIComponent(room.id)}/close`);
  if (result.ok || result.code === "room.closed") {
    showRoomState("CLOSED");
    loadRooms();
  } else {
    $("room-error").textContent = (result.json && result.json.title) || "The room was not closed.";
  }
});

start();
