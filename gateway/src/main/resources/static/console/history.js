// Missed enquiries (with Follow up, which opens a room with the customer) and the enquiry history with its
// filters and pages.
import { $, api, el, me, time, withQuery } from "./api.js";
import { CHANNELS, avatar, channelIcon, entryLabel } from "./channels.js";

const SIZE = 20;
const FOLLOW_UP_ERRORS = {
  "enquiry.superseded": "The customer has written again since: serve the newer enquiry.",
  "enquiry.not-missed": "Someone has already followed it up.",
};

let historyPage = 0;
let onFollowedUp = async () => {};

function customerCell(enquiry) {
  const customer = enquiry.customer || {};
  return el(
    "span",
    { class: "customer-cell" },
    avatar(customer.displayName, customer.photoUrl),
    el("span", {}, customer.displayName || customer.email || customer.externalId || "Customer"),
  );
}

// --- missed --------------------------------------------------------------------------------------------

export async function loadMissed() {
  const list = $("missed-list");
  const result = await api("GET", withQuery("/api/enquiries", { state: "MISSED", size: 100 }));
  if (!result.ok) {
    $("missed-error").textContent = result.title;
    return;
  }
  $("missed-error").textContent = "";
  $("no-missed").hidden = result.json.items.length > 0;
  list.replaceChildren(
    ...result.json.items.map((enquiry) => {
      const button = el("button", { type: "button", class: "primary" }, "Follow up");
      const reason = el("span", { class: "reason", role: "status" });
      button.addEventListener("click", () => followUp(enquiry.id, button, reason));
      return el(
        "li",
        { class: "enquiry", "data-testid": "missed", "data-enquiry": enquiry.id },
        el("div", { class: "top" }, customerCell(enquiry), channelIcon(enquiry.channel)),
        el("span", { class: "muted" }, `${entryLabel(enquiry.entryPoint, enquiry.channel)} · missed ${time(enquiry.missedAt)}`),
        el("span", { class: "preview" }, enquiry.preview || ""),
        el("div", { class: "actions" }, button, reason),
      );
    }),
  );
}

async function followUp(enquiryId, button, reason) {
  button.disabled = true;
  const result = await api("POST", `/api/enquiries/${encodeURIComponent(enquiryId)}/follow-up`);
  if (result.ok) {
    await onFollowedUp(result.json.roomId);
    loadMissed();
  } else {
    reason.textContent = FOLLOW_UP_ERRORS[result.code] || result.title;
  }
}

// --- history -------------------------------------------------------------------------------------------

function isoOrEmpty(local) {
  return local ? new Date(local).toISOString() : "";
}

export async function loadHistory(page = historyPage) {
  const form = $("history-form");
  const filters = form.elements;
  historyPage = page;
  const result = await api(
    "GET",
    withQuery("/api/enquiries", {
      state: filters.state.value,
      channel: filters.channel.value,
      staffId: me.canSeeEveryone() ? filters.staffId.value.trim() : "",
      from: isoOrEmpty(filters.from.value),
      to: isoOrEmpty(filters.to.value),
      page,
      size: SIZE,
    }),
  );
  if (!result.ok) {
    $("history-error").textContent = result.title;
    return;
  }
  $("history-error").textContent = "";
  const { items, hasMore } = result.json;
  $("history-rows").replaceChildren(
    ...items.map((enquiry) =>
      el(
        "tr",
        { "data-testid": "history-row" },
        el("td", {}, time(enquiry.openedAt)),
        el("td", {}, customerCell(enquiry)),
        el("td", {}, channelIcon(enquiry.channel)),
        el("td", {}, entryLabel(enquiry.entryPoint, enquiry.channel)),
        el("td", { class: "state" }, enquiry.state),
        el("td", {}, enquiry.staffId || ""),
        el("td", { class: "preview" }, enquiry.preview || ""),
      ),
    ),
  );
  $("no-history").hidden = items.length > 0;
  $("history-page").textContent = `Page ${page + 1}`;
  $("history-prev").disabled = page === 0;
  $("history-next").disabled = !hasMore;
}

export function initHistory(followedUp) {
  onFollowedUp = followedUp;
  const channel = $("history-form").elements.channel;
  for (const [value, { label }] of Object.entries(CHANNELS)) channel.append(el("option", { value }, label));
  $("history-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadHistory(0);
  });
  $("history-prev").addEventListener("click", () => loadHistory(Math.max(0, historyPage - 1)));
  $("history-next").addEventListener("click", () => loadHistory(historyPage + 1));
  $("missed-refresh").addEventListener("click", loadMissed);
}

export function showStaffFilter() {
  $("history-staff").hidden = !me.canSeeEveryone();
}
