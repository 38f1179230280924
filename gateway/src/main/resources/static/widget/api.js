// The public visitor API of the widget's own origin, which may differ from the page's: JSON over fetch,
// never with cookies (the visitor token travels in the Authorization header).

export class Api {
  constructor(origin) {
    this.origin = origin;
  }

  async call(method, path, body, token) {
    const headers = {};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = "Bearer " + token;
    let response;
    try {
      response = await fetch(this.origin + path, {
        method,
        headers,
        credentials: "omit",
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      return { ok: false, status: 0, json: null };
    }
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return { ok: response.ok, status: response.status, json };
  }

  widget(widgetId) {
    return this.call("GET", "/api/widget/" + encodeURIComponent(widgetId));
  }

  start(widgetId, entry, visitor, text) {
    return this.call("POST", "/api/widget/" + encodeURIComponent(widgetId) + "/conversations", { entry, visitor, text });
  }

  send(token, text) {
    return this.call("POST", "/api/visitor/messages", { text }, token);
  }

  messages(token, after) {
    return this.call("GET", "/api/visitor/messages?after=" + after, undefined, token);
  }

  socketUrl(token) {
    return this.origin.replace(/^http/, "ws") + "/ws/visitor?token=" + encodeURIComponent(token);
  }
}
