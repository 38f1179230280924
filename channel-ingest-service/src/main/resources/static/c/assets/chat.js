// The minimal chat page of a web link: start a conversation, send messages, show the replies live.
// The widget's real user interface replaces this later.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const main = document.getElementById("chat");
  const form = document.getElementById("chat-form");
  const list = document.getElementById("chat-messages");
  const linkId = main.dataset.linkId;
  const widgetId = main.dataset.widgetId;
  let token = sessionStorage.getItem("parley-visitor-" + linkId);
  let lastSeq = 0;

  const show = (message) => {
    if (message.seq <= lastSeq) return;
    lastSeq = message.seq;
    const item = document.createElement("li");
    item.textContent = (message.name || message.from) + ": " + (message.text || "");
    list.appendChild(item);
  };

  const connect = () => {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + "/ws/visitor?token=" + encodeURIComponent(token));
    socket.onopen = () => socket.send(JSON.stringify({ type: "resume", after: lastSeq }));
    socket.onmessage = (event) => {
      const frame = JSON.parse(event.data);
      if (frame.type === "message") {
        show(frame.message);
        socket.send(JSON.stringify({ type: "read", seq: frame.message.seq }));
      }
    };
    socket.onclose = (event) => { if (event.code !== 1008) setTimeout(connect, 2000); };
  };

  const post = async (url, body, headers) => {
    const response = await fetch(url, {
      method: "POST",
      headers: Object.assign({ "Content-Type": "application/json" }, headers || {}),
      body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.title || "Could not send");
    return answer;
  };

  document.getElementById("chat-open").addEventListener("click", () => {
    form.hidden = false;
    if (token) connect();
  });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      if (!token) {
        const started = await post("/api/widget/" + encodeURIComponent(widgetId) + "/conversations", {
          entry: { type: "LINK", id: linkId },
          visitor: { name: data.get("name") || null, email: data.get("email") || null },
          text: data.get("text"),
        });
        token = started.visitorToken;
        sessionStorage.setItem("parley-visitor-" + linkId, token);
        connect();
      } else {
        await post("/api/visitor/messages", { text: data.get("text") }, { Authorization: "Bearer " + token });
      }
      form.elements.text.value = "";
    } catch (error) {
      alert(error.message);
    }
  });
});
