// The Open Enquiry panel: the live offers from /ws/agent, each with its channel, customer, where it came
// from, a preview and a countdown; Accept opens the room. An offer that goes away stays a few seconds with
// the reason.
import { $, api, el } from "./api.js";
import { alertOffer } from "./alerts.js";
import { avatar, channelIcon, entryLabel } from "./channels.js";

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

const offers = new Map(); // enquiryId -> { offer, node, countdown, reason, accept, gone }
let ticker = null;
let onAccepted = async () => {};

/** Starts the countdowns; accepted(roomId) runs after a successful accept. */
export function startOffers(accepted) {
  onAccepted = accepted;
  ticker = setInterval(() => offers.forEach(updateCountdown), 1000);
}

export function stopOffers() {
  clearInterval(ticker);
  offers.clear();
  $("offers").replaceChildren();
  $("no-offers").hidden = false;
}

/** The frames of /ws/agent about offers. */
export function onOfferFrame(frame) {
  switch (frame.type) {
    case "snapshot":
      for (const [id, entry] of offers) if (!entry.gone) removeOffer(id);
      for (const offer of frame.offers) addOffer(offer, false);
      break;
    case "offer.created":
      addOffer(frame.offer, true);
      break;
    case "offer.withdrawn":
      withdrawOffer(frame.enquiryId, frame.reason);
      break;
    default:
      break;
  }
}

function addOffer(offer, isNew) {
  const existing = offers.get(offer.enquiryId);
  if (existing && !existing.gone) return;
  if (existing) existing.node.remove();
  const customer = offer.customer || {};
  const countdown = el("span", { class: "countdown", "data-testid": "countdown" });
  const accept = el("button", { type: "button", class: "primary" }, "Accept");
  const reason = el("span", { class: "reason", role: "status" });
  const node = el(
    "li",
    { class: "offer", "data-enquiry": offer.enquiryId, "data-testid": "offer" },
    el(
      "div",
      { class: "top" },
      avatar(customer.name, customer.avatarUrl),
      el(
        "div",
        { class: "who" },
        el("strong", { class: "customer" }, customer.name || "Customer"),
        el(
          "span",
          { class: "from" },
          channelIcon(offer.channel),
          fromChannelItself(offer) ? null : ` · ${entryLabel(offer.entryPoint, offer.channel)}`,
          offer.type === "DIRECT" ? " (to you)" : "",
        ),
      ),
      countdown,
    ),
    el("span", { class: "preview" }, offer.preview || ""),
    el("div", { class: "actions" }, accept, reason),
  );
  accept.addEventListener("click", () => acceptOffer(offer.enquiryId, accept));
  const entry = { offer, node, countdown, reason, accept, gone: false };
  offers.set(offer.enquiryId, entry);
  $("offers").append(node);
  updateCountdown(entry);
  $("no-offers").hidden = true;
  if (isNew) alertOffer(offer);
}

/** An enquiry from a channel rather than a widget entry: the channel's icon says where it came from. */
function fromChannelItself(offer) {
  return !offer.entryPoint || !offer.entryPoint.type || offer.entryPoint.type === "CHANNEL";
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
  entry.node.classList.toggle("urgent", left <= 10);
}

async function acceptOffer(enquiryId, button) {
  button.disabled = true;
  const result = await api("POST", `/api/enquiries/${encodeURIComponent(enquiryId)}/accept`);
  if (result.ok) {
    withdrawOffer(enquiryId, "ACCEPTED");
    await onAccepted(result.json.roomId);
  } else {
    withdrawOffer(enquiryId, ACCEPT_ERRORS[result.code] || result.title || "Could not accept");
  }
}
