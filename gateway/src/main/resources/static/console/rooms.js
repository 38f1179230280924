// The rooms: the list with unread counts, the open room's transcript (loaded in pages, shown from the
// newest, older ones added on scrolling up), live messages and delivery statuses over /ws/rooms, the
// customer panel, replying and closing. The socket subscribes to every open room, so messages in the rooms
// that are not on screen raise their unread count.
import { $, api, clock, el, me, time } from "./api.js";
import { avatar, channelIcon, channelLabel } from "./channels.js";

const PAGE = 200; // messages per GET (the API caps at 500)
const WINDOW = 50; // messages added to the screen at a time when scrolling back
const wsBase = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;

const STATUS = { PENDING: "Sending", SENT: "Sent", DELIVERED: "Delivered", READ: "Read", FAILED: "Failed" };
const FAILURE_HINTS = {
  "window-closed": "The customer must write again before you can reply on this channel.",
  blocked: "The customer does not accept messages from this account.",
  "bad-credentials": "Ask an admin to fix the channel account's credentials.",
  "not-configured": "Ask an admin to set up the channel account.",
};

const rooms = new Map(); // roomId -> { summary, unread, lastSeq }
const subscribed = new Set();
let socket = null;
let running = false;
let room = null; // { id, lastSeq, messages, shownFrom, state }
let readTimer = null;

export function startRooms() {
  running = true;
  connect();
  loadRooms();
}

export function stopRooms() {
  running = false;
  if (socket) socket.close();
  socket = null;
  rooms.clear();
  subscribed.clear();
  room = null;
  $("rooms").replaceChildren();
  $("room").hidden = true;
  $("room-info").hidden = true;
}

export function ping() {
  send({ type: "ping" });
}

function send(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function connect(attempt = 0) {
  if (!running) return;
  const current = new WebSocket(wsBase + "/ws/rooms");
  socket = current;
  current.addEventListener("open", () => {
    attempt = 0;
    subscribed.clear();
    subscribeAll();
  });
  current.addEventListener("message", (event) => onFrame(JSON.parse(event.data)));
  current.addEventListener("close", () => {
    if (socket !== current || !running) return;
    setTimeout(() => connect(attempt + 1), Math.min(1000 * 2 ** attempt, 15000));
  });
}

function subscribeAll() {
  if (room) subscribe(room.id, room.lastSeq);
  for (const [roomId, entry] of rooms) {
    if (entry.summary.state !== "CLOSED") subscribe(roomId, entry.lastSeq);
  }
}

function subscribe(roomId, after) {
  if (subscribed.has(roomId) || !socket || socket.readyState !== WebSocket.OPEN) return;
  subscribed.add(roomId);
  send({ type: "subscribe", roomId, after });
}

function onFrame(frame) {
  const isOpen = room && frame.roomId === room.id;
  switch (frame.type) {
    case "message":
      if (isOpen) {
        addMessage(frame.message);
        markRead(frame.message.seq);
      } else {
        countUnread(frame.roomId, frame.message);
      }
      break;
    case "status":
      if (isOpen) updateStatus(frame.seq, frame.status, frame.failure);
      break;
    case "closed":
      if (isOpen) showState("CLOSED");
      subscribed.delete(frame.roomId);
      send({ type: "unsubscribe", roomId: frame.roomId });
      loadRooms();
      break;
    case "error":
      if (isOpen) $("room-error").textContent = frame.title || frame.code;
      if (frame.roomId) subscribed.delete(frame.roomId);
      break;
    default:
      break;
  }
}

// --- the list ------------------------------------------------------------------------------------------

export async function loadRooms() {
  const result = await api("GET", "/api/rooms");
  if (!result.ok || !running) return;
  for (const summary of result.json) {
    const known = rooms.get(summary.roomId);
    const lastSeq = Math.max(known ? known.lastSeq : 0, summary.lastMessage ? summary.lastMessage.seq : 0);
    rooms.set(summary.roomId, { summary, unread: summary.unread, lastSeq });
  }
  subscribeAll();
  renderList();
}

function countUnread(roomId, message) {
  const entry = rooms.get(roomId);
  if (!entry) {
    loadRooms();
    return;
  }
  if (message.seq <= entry.lastSeq) return;
  entry.lastSeq = message.seq;
  entry.summary.lastMessage = message;
  const mine = me.get();
  if (!mine || message.sender.id !== mine.id) entry.unread += 1;
  renderList();
}

function renderList() {
  const visible = [...rooms.values()].filter(
    (entry) => entry.summary.state !== "CLOSED" || (room && entry.summary.roomId === room.id),
  );
  $("no-rooms").hidden = visible.length > 0;
  $("rooms").replaceChildren(
    ...visible.map(({ summary, unread }) => {
      const current = Boolean(room && room.id === summary.roomId);
      const customer = summary.customer || {};
      const last = summary.lastMessage;
      return el(
        "li",
        {},
        el(
          "button",
          {
            type: "button",
            "data-testid": "room",
            "data-room": summary.roomId,
            "aria-current": String(current),
            onclick: () => openRoom(summary.roomId),
          },
          avatar(customer.name, customer.photoUrl),
          el(
            "span",
            { class: "who" },
            el("span", { class: "name" }, customer.name || "Customer"),
            el("span", { class: "last muted" }, last ? last.text || "" : ""),
          ),
          channelIcon(summary.channel),
          unread > 0 && !current
            ? el("span", { class: "unread", "data-testid": "unread", "aria-label": `${unread} unread` }, unread)
            : null,
        ),
      );
    }),
  );
}

// --- the open room -------------------------------------------------------------------------------------

/** Shows the room: details, the whole transcript in pages, then live messages. */
export async function openRoom(roomId) {
  room = { id: roomId, lastSeq: 0, messages: [], shownFrom: 0, state: null };
  $("layout").classList.add("has-room");
  $("room").hidden = false;
  $("room-error").textContent = "";
  $("messages").replaceChildren();
  $("room-title").textContent = "";
  renderList();
  const detail = await api("GET", `/api/rooms/${encodeURIComponent(roomId)}`);
  if (!room || room.id !== roomId) return;
  if (!detail.ok) {
    $("room-error").textContent = detail.title || "This room cannot be opened.";
    return;
  }
  const customer = detail.json.customer || {};
  $("room-title").replaceChildren(channelIcon(detail.json.channel), " ", customer.name || "Customer");
  showState(detail.json.state);
  showInfo(detail.json);
  let after = 0;
  const loaded = [];
  for (;;) {
    const page = await api("GET", `/api/rooms/${encodeURIComponent(roomId)}/messages?after=${after}&limit=${PAGE}`);
    if (!room || room.id !== roomId || !page.ok) break;
    loaded.push(...page.json);
    if (page.json.length < PAGE) break;
    after = page.json[page.json.length - 1].seq;
  }
  if (!room || room.id !== roomId) return;
  showTranscript(loaded);
  const entry = rooms.get(roomId);
  if (entry) entry.unread = 0;
  subscribed.delete(roomId);
  subscribe(roomId, room.lastSeq);
  loadRooms();
}

function showTranscript(messages) {
  room.messages = messages;
  room.lastSeq = messages.length ? messages[messages.length - 1].seq : 0;
  room.shownFrom = Math.max(0, messages.length - WINDOW);
  $("messages").replaceChildren(...messages.slice(room.shownFrom).map(messageNode));
  $("history-start").hidden = room.shownFrom > 0;
  scrollToEnd();
}

/** Scrolling near the top puts the next older messages above, keeping the reader's place. */
function showOlder() {
  if (!room || room.shownFrom === 0) return;
  const list = $("messages");
  const from = Math.max(0, room.shownFrom - WINDOW);
  const before = list.scrollHeight;
  list.prepend(...room.messages.slice(from, room.shownFrom).map(messageNode));
  room.shownFrom = from;
  list.scrollTop += list.scrollHeight - before;
  $("history-start").hidden = from > 0;
}

function addMessage(message) {
  if (!room || message.seq <= room.lastSeq) return;
  const list = $("messages");
  const atEnd = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  room.lastSeq = message.seq;
  room.messages.push(message);
  list.append(messageNode(message));
  const mine = me.get();
  if (atEnd || (mine && message.sender.id === mine.id)) scrollToEnd();
  const entry = rooms.get(room.id);
  if (entry) entry.lastSeq = Math.max(entry.lastSeq, message.seq);
}

function scrollToEnd() {
  $("messages").scrollTop = $("messages").scrollHeight;
}

/** Live messages in the open room are read: the server's read mark follows (one call per burst). */
function markRead(seq) {
  clearTimeout(readTimer);
  const roomId = room.id;
  readTimer = setTimeout(() => {
    api("GET", `/api/rooms/${encodeURIComponent(roomId)}/messages?after=${Math.max(0, seq - 1)}&limit=1`);
  }, 500);
}

function messageNode(message) {
  const kind = message.sender.kind.toLowerCase();
  if (kind === "system") {
    return el(
      "li",
      { class: "message system", "data-seq": message.seq, "data-testid": "message" },
      el("span", { class: "text" }, message.text || ""),
      el("span", { class: "meta" }, clock(message.sentAt)),
    );
  }
  return el(
    "li",
    { class: `message ${kind}`, "data-seq": message.seq, "data-testid": "message" },
    el("span", { class: "meta" }, `${message.sender.name || (kind === "customer" ? "Customer" : "")} · ${clock(message.sentAt)}`),
    el("span", { class: "text" }, message.text || ""),
    ...(message.attachments || []).map((file) =>
      el("span", { class: "attachment" }, `📎 ${file.fileName || file.mediaType || "file"}`),
    ),
    kind === "staff" ? deliveryNode(message.status, message.failure) : null,
  );
}

function deliveryNode(status, failure) {
  const node = el("span", { class: "delivery", "data-testid": "delivery", "data-status": status || "" }, STATUS[status] || status || "");
  if (status === "FAILED" && failure) {
    node.append(": ", failure.reason);
    const hint = FAILURE_HINTS[failure.code];
    if (failure.actionRequired || hint) node.append(el("strong", { class: "action" }, " ", hint || "Action needed."));
  }
  return node;
}

function updateStatus(seq, status, failure) {
  const message = room.messages.find((candidate) => candidate.seq === Number(seq));
  if (message) {
    message.status = status;
    message.failure = failure;
  }
  const node = document.querySelector(`#messages [data-seq="${Number(seq)}"] .delivery`);
  if (node) node.replaceWith(deliveryNode(status, failure));
}

function showState(state) {
  room.state = state;
  $("room-state").textContent = state;
  const closed = state === "CLOSED";
  $("room-close").disabled = closed;
  for (const control of $("send-form").elements) control.disabled = closed;
}

function showInfo(detail) {
  const customer = detail.customer || {};
  const info = detail.channelInfo;
  const facts = [
    ["Channel", channelLabel(detail.channel)],
    ["Email", customer.email],
    ["Customer id", customer.id],
    ["Opened", time(detail.openedAt)],
    ["Closed", time(detail.closedAt)],
  ];
  if (info) facts.push(["Account", info.name || info.accountId]);
  for (const item of (info && info.customInfo) || []) facts.push([item.label, item.value]);
  $("room-info").hidden = false;
  $("room-info-body").replaceChildren(
    el("div", { class: "customer-card" }, avatar(customer.name, customer.photoUrl), el("strong", {}, customer.name || "Customer")),
    el(
      "dl",
      { class: "facts" },
      ...facts.filter(([, value]) => value).flatMap(([label, value]) => [el("dt", {}, label), el("dd", {}, value)]),
    ),
  );
}

// --- replying and closing ------------------------------------------------------------------------------

export function initRoomControls() {
  $("messages").addEventListener("scroll", () => {
    if ($("messages").scrollTop < 40) showOlder();
  });
  $("send-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = event.target.elements.text;
    const text = box.value.trim();
    if (!text || !room) return;
    $("room-error").textContent = "";
    const result = await api("POST", `/api/rooms/${encodeURIComponent(room.id)}/messages`, { text });
    if (result.ok) box.value = "";
    else $("room-error").textContent = result.title || "The message was not sent.";
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
      showState("CLOSED");
      loadRooms();
    } else {
      $("room-error").textContent = result.title || "The room was not closed.";
    }
  });
  $("room-back").addEventListener("click", () => $("layout").classList.remove("has-room"));
}
