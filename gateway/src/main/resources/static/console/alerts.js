// The alert for a new offer: a short two-tone chime made with Web Audio (no audio file), a browser
// notification when the agent allowed them, and a line for screen readers. The agent turns alerts on and
// off with the bell toggle; the choice is kept in localStorage.
import { $ } from "./api.js";
import { channelLabel } from "./channels.js";

const KEY = "parley.console.alerts";
let audio = null;

function enabled() {
  return localStorage.getItem(KEY) !== "off";
}

/** Browsers let a page make sound only after a user gesture: the context is created on one. */
function unlockAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  if (!audio) audio = new Context();
  if (audio.state === "suspended") audio.resume().catch(() => {});
}

function chime() {
  if (!audio || audio.state !== "running") return false;
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.16, 1320],
  ]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.15);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.16);
  }
  return true;
}

function notify(offer, text) {
  if (!("Notification" in window) || Notification.permission !== "granted") return false;
  const notification = new Notification("New enquiry", { body: text, tag: offer.enquiryId });
  notification.addEventListener("click", () => {
    window.focus();
    notification.close();
  });
  return true;
}

function showToggle() {
  const toggle = $("alerts-toggle");
  toggle.setAttribute("aria-pressed", String(enabled()));
  toggle.textContent = enabled() ? "Alerts on" : "Alerts off";
}

/** Wires the toggle; any click on the page may unlock the sound. */
export function initAlerts() {
  showToggle();
  document.addEventListener("pointerdown", () => enabled() && unlockAudio(), { capture: true });
  $("alerts-toggle").addEventListener("click", async () => {
    localStorage.setItem(KEY, enabled() ? "off" : "on");
    showToggle();
    if (enabled()) {
      unlockAudio();
      if ("Notification" in window && Notification.permission === "default") {
        await Notification.requestPermission();
      }
    }
  });
}

/** Alerts the agent to a new offer (not to those already there when the console connects). */
export function alertOffer(offer) {
  if (!enabled()) return;
  const name = (offer.customer && offer.customer.name) || "A customer";
  const text = `${name} (${channelLabel(offer.channel)}): ${offer.preview || ""}`;
  const sounded = chime();
  const notified = notify(offer, text);
  const line = $("alert-log");
  line.textContent = `New enquiry from ${text}`;
  line.dataset.sound = String(sounded);
  line.dataset.notification = String(notified);
}
