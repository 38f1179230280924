// Shared by every module of the console: the DOM helpers and the one way to call the API. Every text from
// the server goes into the page as a text node (el() and textContent), never as HTML.

export const $ = (id) => document.getElementById(id);

/** Creates an element; string children become text nodes, so they are never parsed as markup. */
export function el(tag, attrs = {}, ...children) {
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

/** The double-submit token the gateway set in the (readable) parley_csrf cookie. */
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)parley_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

const unauthorisedListeners = [];

/** Runs when the server says the session is gone (a 401 outside login). */
export function onUnauthorised(listener) {
  unauthorisedListeners.push(listener);
}

/** Calls the API with the session cookie; state-changing calls carry the CSRF header. */
export async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && method !== "HEAD") headers["X-Parley-CSRF"] = csrfToken();
  let response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { status: 0, ok: false, json: null, code: "network", title: "The server cannot be reached." };
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.status === 401 && !path.startsWith("/api/auth/login")) {
    for (const listener of unauthorisedListeners) listener();
  }
  const problem = !response.ok && json ? json : null;
  return {
    status: response.status,
    ok: response.ok,
    json,
    code: problem && problem.code,
    title: (problem && problem.title) || (response.ok ? "" : `The request failed (${response.status}).`),
  };
}

/** The path with each parameter that has a value, URL-encoded. */
export function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function time(instant) {
  if (!instant) return "";
  return new Date(instant).toLocaleString([], { dateStyle: "short", timeStyle: "short" });
}

export function clock(instant) {
  if (!instant) return "";
  return new Date(instant).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** Who is signed in: {id, name, roles}, kept for the tab's life. */
export const me = {
  get() {
    try {
      return JSON.parse(sessionStorage.getItem("parley.console.me") || "null");
    } catch {
      return null;
    }
  },
  set(staff) {
    sessionStorage.setItem("parley.console.me", JSON.stringify(staff));
  },
  clear() {
    sessionStorage.removeItem("parley.console.me");
  },
  isAdmin() {
    const staff = this.get();
    return Boolean(staff && staff.roles && staff.roles.includes("ADMIN"));
  },
  canSeeEveryone() {
    const staff = this.get();
    return Boolean(staff && staff.roles && (staff.roles.includes("ADMIN") || staff.roles.includes("SUPERVISOR")));
  },
};
