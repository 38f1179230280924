// How a channel and an entry point look in the console: a small inline SVG badge per channel (drawn with
// DOM calls, so the CSP needs no inline style) and a readable label.
import { el } from "./api.js";

const SVG = "http://www.w3.org/2000/svg";

export const CHANNELS = {
  WEB: { label: "Web", mark: "web", color: "#2563eb" },
  FACEBOOK: { label: "Messenger", mark: "f", color: "#1877f2" },
  WHATSAPP: { label: "WhatsApp", mark: "W", color: "#16a34a" },
  LINE: { label: "LINE", mark: "L", color: "#06c755" },
  WECHAT: { label: "WeChat", mark: "Wc", color: "#07a35a" },
  WOZTELL: { label: "WOZTELL", mark: "Wz", color: "#7c3aed" },
  EMAIL: { label: "Email", mark: "mail", color: "#b45309" },
  THIRD_PARTY: { label: "Third party", mark: "API", color: "#4b5563" },
};

const ENTRY_POINTS = {
  TAG: "Tag",
  STAFF: "Staff Directory",
  CTA: "Call-to-action",
  LINK: "Web link",
  QR: "QR code",
};

export function channelLabel(channel) {
  return (CHANNELS[channel] && CHANNELS[channel].label) || channel || "";
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** The channel's icon: a coloured tile with a globe, an envelope or the channel's initial. */
export function channelIcon(channel) {
  const known = CHANNELS[channel] || { label: channel || "?", mark: "?", color: "#6b7280" };
  const icon = svg("svg", { viewBox: "0 0 20 20", width: 20, height: 20, class: "channel-icon", "aria-hidden": "true" });
  icon.append(svg("rect", { width: 20, height: 20, rx: 5, fill: known.color }));
  if (known.mark === "web") {
    icon.append(svg("circle", { cx: 10, cy: 10, r: 6, fill: "none", stroke: "#fff", "stroke-width": 1.5 }));
    icon.append(svg("ellipse", { cx: 10, cy: 10, rx: 2.5, ry: 6, fill: "none", stroke: "#fff", "stroke-width": 1.2 }));
    icon.append(svg("line", { x1: 4, y1: 10, x2: 16, y2: 10, stroke: "#fff", "stroke-width": 1.2 }));
  } else if (known.mark === "mail") {
    icon.append(svg("rect", { x: 4, y: 6, width: 12, height: 8, fill: "none", stroke: "#fff", "stroke-width": 1.5 }));
    icon.append(svg("polyline", { points: "4,6 10,11 16,6", fill: "none", stroke: "#fff", "stroke-width": 1.5 }));
  } else {
    const text = svg("text", {
      x: 10,
      y: 14,
      "text-anchor": "middle",
      "font-size": known.mark.length > 2 ? 7 : 11,
      "font-weight": 700,
      "font-family": "system-ui, sans-serif",
      fill: "#fff",
    });
    text.textContent = known.mark;
    icon.append(text);
  }
  return el("span", { class: "channel", "data-channel": channel, title: known.label }, icon, el("span", {}, known.label));
}

/** Where an enquiry came from: "Tag: Support", "Web link: Spring sale", or the channel for CHANNEL. */
export function entryLabel(entryPoint, channel) {
  const entry = entryPoint || {};
  if (!entry.type || entry.type === "CHANNEL") return channelLabel(channel);
  const kind = ENTRY_POINTS[entry.type] || entry.type;
  return entry.label ? `${kind}: ${entry.label}` : kind;
}

/** The customer's photo, or their initial when there is none or it does not load. */
export function avatar(name, url) {
  const initial = el("span", { class: "avatar initial", "aria-hidden": "true" }, (name || "?").trim().charAt(0).toUpperCase() || "?");
  if (!url) return initial;
  const image = el("img", { class: "avatar", src: url, alt: "", referrerpolicy: "no-referrer" });
  image.addEventListener("error", () => image.replaceWith(initial));
  return image;
}
