// The agent console's entry point: sign-in, the availability switch, /ws/agent, and the views (chats,
// missed, history, admin). Plain ES modules, no library: api.js (DOM and API helpers, CSRF header),
// channels.js (icons and labels), alerts.js, offers.js, rooms.js, history.js, admin.js. The staff token
// stays in the HttpOnly parley_session cookie.
import { $, api, me, onUnauthorised } from "./api.js";
import { initAlerts } from "./alerts.js";
import { initAdmin, showAdmin } from "./admin.js";
import { initHistory, loadHistory, loadMissed, showStaffFilter } from "./history.js";
import { onOfferFrame, startOffers, stopOffers } from "./offers.js";
import { initRoomControls, loadRooms, openRoom, ping, startRooms, stopRooms } from "./rooms.js";

const wsBase = (location.protocol === "https:" ? "wss://" : "ws://") + location.host;

let agentSocket = null;
let running = false;
let pinger = null;
let refresher = null;

/** Tokens live 30 minutes by default: a console left open renews its session well before that. */
const REFRESH_EVERY_MS = 10 * 60 * 1000;

// --- sign-in -------------------------------------------------------------------------------------------

async function start() {
  const availability = await api("GET", "/api/presence/me");
  if (!availability.ok) {
    showLogin();
    return;
  }
  if (!me.get()) {
    // A new tab with a live session: the refresh answer says who is signed in.
    const refreshed = await api("POST", "/api/auth/refresh");
    if (!refreshed.ok) {
      showLogin();
      return;
    }
    me.set(refreshed.json.staff);
  }
  signedIn(availability.json);
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
        : result.code === "auth.invalid-credentials"
          ? "Wrong username or password."
          : result.title;
    return;
  }
  form.reset();
  me.set(result.json.staff);
  const availability = await api("GET", "/api/presence/me");
  signedIn(availability.json);
});

$("logout").addEventListener("click", async () => {
  await api("POST", "/api/auth/logout");
  signedOut();
});

onUnauthorised(() => signedOut());

function signedIn(availability) {
  running = true;
  shownVersion = -1;
  const staff = me.get();
  $("login").hidden = true;
  $("app").hidden = false;
  $("me").textContent = staff ? staff.name : (availability?.staffId ?? "");
  $("nav-admin").hidden = !me.isAdmin();
  showStaffFilter();
  showStatus(availability);
  showView("chats");
  connectAgent();
  startOffers(async (roomId) => {
    await openRoom(roomId);
    loadRooms();
  });
  startRooms();
  pinger = setInterval(() => {
    send(agentSocket, { type: "ping" });
    ping();
  }, 60000);
  refresher = setInterval(async () => {
    const refreshed = await api("POST", "/api/auth/refresh");
    if (refreshed.ok) me.set(refreshed.json.staff);
  }, REFRESH_EVERY_MS);
}

function signedOut() {
  if (!running) return;
  running = false;
  clearInterval(pinger);
  clearInterval(refresher);
  if (agentSocket) agentSocket.close();
  agentSocket = null;
  stopOffers();
  stopRooms();
  me.clear();
  showLogin();
}

// --- views ---------------------------------------------------------------------------------------------

function showView(view) {
  document.body.dataset.view = view;
  for (const button of document.querySelectorAll("nav.views button")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === view));
  }
  for (const section of document.querySelectorAll("[data-view-of]")) section.hidden = section.dataset.viewOf !== view;
  if (view === "missed") loadMissed();
  if (view === "history") loadHistory(0);
  if (view === "admin") showAdmin();
}

for (const button of document.querySelectorAll("nav.views button")) {
  button.addEventListener("click", () => showView(button.dataset.view));
}

// --- availability --------------------------------------------------------------------------------------

/** The version of the availability shown: an older snapshot, push or answer arriving late is ignored. */
let shownVersion = -1;

function showStatus(availability) {
  if (!availability || availability.version < shownVersion) return;
  shownVersion = availability.version;
  $("status").textContent = availability.status;
  for (const button of document.querySelectorAll(".availability button")) {
    button.setAttribute("aria-pressed", String(button.dataset.status === availability.status));
  }
  $("chats").textContent =
    availability.maxConcurrentChats ? `${availability.activeChats}/${availability.maxConcurrentChats} chats` : "";
}

for (const button of document.querySelectorAll(".availability button")) {
  button.addEventListener("click", async () => {
    const result = await api("PUT", "/api/presence/me", { status: button.dataset.status });
    $("status-error").hidden = result.ok;
    $("status-error").textContent = result.ok ? "" : `Your status was not changed: ${result.title}`;
    if (result.ok) showStatus(result.json);
  });
}

// --- /ws/agent -----------------------------------------------------------------------------------------

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
  if (frame.type === "snapshot" || frame.type === "status") showStatus(frame.status);
  onOfferFrame(frame);
}

/** A room opened from elsewhere (a follow-up) shows in the chats view. */
async function showRoom(roomId) {
  showView("chats");
  await openRoom(roomId);
  loadRooms();
}

initAlerts();
initRoomControls();
initHistory(showRoom);
initAdmin();
start();
