// The visitor widget, embedded in any page with one tag:
//   <script type="module" src="https://parley.example/widget/widget.js" data-widget="demo"></script>
// Optional attributes: data-mode="call-to-action" (one button with the widget's call-to-action label instead of
// the directories), data-link="<linkId>" with data-title (a web link: the chat goes straight to the link's tag),
// data-launcher="<CSS selector>" (a button of the page opens the chat; no floating button).
// The module talks to its own origin (import.meta.url), draws into a shadow root (the page's styles cannot
// reach in, its own cannot leak out) and puts every server value in as text.
import { Api } from "./api.js";
import { Store } from "./store.js";
import { Panel } from "./panel.js";

const self = new URL(import.meta.url);
const script = [...document.querySelectorAll("script[src]")].find((tag) => {
  try {
    return new URL(tag.src, location.href).href === self.href;
  } catch {
    return false;
  }
});

function settings(tag) {
  const data = tag ? tag.dataset : {};
  const link = data.link || null;
  return {
    widgetId: data.widget || null,
    mode: link ? "link" : data.mode === "call-to-action" ? "call-to-action" : "directory",
    link,
    linkTitle: data.title || "Chat",
    launcher: data.launcher || null,
  };
}

function mount() {
  const config = settings(script);
  if (!config.widgetId) {
    console.warn("Parley widget: the script tag needs data-widget=\"<widget id>\"");
    return;
  }
  const key = "parley.widget." + config.widgetId + (config.link ? ".link." + config.link : "");
  const panel = new Panel(new Api(self.origin), new Store(key), config, new URL("widget.css", self).href);
  panel.attach(document.body, config.launcher ? document.querySelector(config.launcher) : null);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
