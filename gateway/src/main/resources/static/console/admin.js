// The admin screens (ADMIN only; the server checks the role on every call too): staff, destinations, tags,
// widgets, web links with their QR codes, and channel accounts. Each screen is a list and one form, built
// from a description of the resource's fields.
import { $, api, el } from "./api.js";
import { CHANNELS, channelIcon } from "./channels.js";

const SECRET_NAMES = {
  FACEBOOK: ["appSecret", "pageAccessToken", "verifyToken"],
  WHATSAPP: ["appSecret", "accessToken", "verifyToken"],
  LINE: ["channelSecret", "channelAccessToken"],
  WECHAT: ["appSecret", "token", "encodingAesKey"],
  WOZTELL: ["channelSecret", "accessToken"],
  THIRD_PARTY: ["secret", "accessToken"],
  EMAIL: ["password"],
  WEB: [],
};

// --- field kinds: how a value is shown in a form and read back -----------------------------------------

const list = {
  input: (field) => el("input", { name: field.name, placeholder: "comma-separated" }),
  set: (input, value) => (input.value = (value || []).join(", ")),
  get: (input) => input.value.split(",").map((part) => part.trim()).filter(Boolean),
};
const text = {
  input: (field) => el("input", { name: field.name, type: field.inputType || "text", autocomplete: "off" }),
  set: (input, value) => (input.value = value ?? ""),
  get: (input) => (input.value.trim() === "" ? null : input.value.trim()),
};
const number = {
  input: (field) => el("input", { name: field.name, type: "number", min: field.min, max: field.max }),
  set: (input, value) => (input.value = value ?? ""),
  get: (input) => (input.value === "" ? null : Number(input.value)),
};
const checkbox = {
  input: (field) => el("input", { name: field.name, type: "checkbox" }),
  set: (input, value) => (input.checked = Boolean(value)),
  get: (input) => input.checked,
};
const textarea = {
  input: (field) => el("textarea", { name: field.name, rows: 3, placeholder: field.placeholder }),
  set: (input, value) => (input.value = value ?? ""),
  get: (input) => (input.value.trim() === "" ? null : input.value.trim()),
};
const select = {
  input: (field) => el("select", { name: field.name }, ...field.options.map(([value, label]) => el("option", { value }, label))),
  set: (input, value) => (input.value = value ?? input.options[0].value),
  get: (input) => input.value,
};
/** key=value lines, for settings and welcome texts by tag. */
const pairs = {
  input: (field) => el("textarea", { name: field.name, rows: 3, placeholder: "key=value, one a line" }),
  set: (input, value) =>
    (input.value = Object.entries(value || {})
      .map(([key, item]) => `${key}=${item}`)
      .join("\n")),
  get: (input) =>
    Object.fromEntries(
      input.value
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.includes("="))
        .map((line) => [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1).trim()]),
    ),
};
/** label: value lines, for a channel's custom info. */
const labelled = {
  input: (field) => el("textarea", { name: field.name, rows: 3, placeholder: "Label: value, one a line" }),
  set: (input, value) => (input.value = (value || []).map((item) => `${item.label}: ${item.value}`).join("\n")),
  get: (input) =>
    input.value
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.includes(":"))
      .map((line) => ({ label: line.slice(0, line.indexOf(":")).trim(), value: line.slice(line.indexOf(":") + 1).trim() })),
};

// --- the resources -------------------------------------------------------------------------------------

const RESOURCES = [
  {
    key: "staff",
    title: "Staff",
    path: "/api/admin/staff",
    columns: ["Username", "Name", "Roles", "Max chats"],
    row: (item) => [item.username, item.name, item.roles.join(", "), item.maxConcurrentChats],
    fields: [
      { name: "username", label: "Username", kind: text, createOnly: true },
      { name: "name", label: "Name", kind: text },
      { name: "password", label: "Password (10–72 characters)", kind: { ...text, input: (f) => el("input", { name: f.name, type: "password", autocomplete: "new-password" }) }, secret: true },
      { name: "photoUrl", label: "Photo URL", kind: text },
      { name: "roles", label: "Roles (ADMIN, SUPERVISOR, STAFF)", kind: list },
      { name: "maxConcurrentChats", label: "Max concurrent chats", kind: number, min: 1, max: 50 },
    ],
    /** The password has its own endpoint when editing. */
    async save(values, item) {
      if (!item) return api("POST", this.path, values);
      const { password, username, ...rest } = values;
      const updated = await api("PUT", `${this.path}/${encodeURIComponent(item.id)}`, rest);
      if (!updated.ok || !password) return updated;
      const changed = await api("PUT", `${this.path}/${encodeURIComponent(item.id)}/password`, { password });
      return changed.ok ? updated : changed;
    },
  },
  {
    key: "destinations",
    title: "Destinations",
    path: "/api/admin/destinations",
    columns: ["Name", "Members", "Tags", "Channel accounts", "Direct", "Max wait"],
    row: (item) => [
      item.name,
      item.memberStaffIds.join(", "),
      item.tagIds.join(", "),
      item.channelAccountIds.join(", "),
      item.servesDirectEnquiries ? "yes" : "no",
      `${item.maxWaitSeconds} s`,
    ],
    fields: [
      { name: "name", label: "Name", kind: text },
      { name: "memberStaffIds", label: "Member staff ids", kind: list },
      { name: "tagIds", label: "Tag ids", kind: list },
      { name: "channelAccountIds", label: "Channel account ids", kind: list },
      { name: "servesDirectEnquiries", label: "Serves direct enquiries", kind: checkbox },
      { name: "maxWaitSeconds", label: "Max wait (seconds)", kind: number, min: 10, max: 3600 },
    ],
  },
  {
    key: "tags",
    title: "Tags",
    path: "/api/admin/tags",
    columns: ["Id", "Name", "Description", "Destination"],
    row: (item) => [item.id, item.name, item.description || "", item.destinationId || ""],
    fields: [
      { name: "name", label: "Name", kind: text },
      { name: "description", label: "Description", kind: textarea },
      { name: "photoUrl", label: "Photo URL", kind: text },
      { name: "destinationId", label: "Destination id", kind: text },
    ],
  },
  {
    key: "widgets",
    title: "Widgets",
    path: "/api/admin/widgets",
    columns: ["Id", "Name", "Tags", "Staff Directory", "Call-to-action"],
    row: (item) => [
      item.id,
      item.name,
      item.tagIds.join(", "),
      item.staffDirectory ? "yes" : "no",
      item.callToActionTagId ? `${item.callToActionLabel || "Chat with us"} → ${item.callToActionTagId}` : "",
    ],
    fields: [
      { name: "id", label: "Id", kind: text, createOnly: true },
      { name: "name", label: "Name", kind: text },
      { name: "tagIds", label: "Tag ids", kind: list },
      { name: "staffDirectory", label: "Staff Directory", kind: checkbox },
      { name: "callToActionTagId", label: "Call-to-action tag id", kind: text },
      { name: "callToActionLabel", label: "Call-to-action label", kind: text },
    ],
  },
  {
    key: "links",
    title: "Web links",
    path: "/api/admin/links",
    columns: ["Id", "Title", "Tag", "Widget", "Chat page", "QR code"],
    row: (item) => {
      const page = `${location.origin}/c/${encodeURIComponent(item.id)}`;
      const qr = `/api/links/${encodeURIComponent(item.id)}/qr.png`;
      return [
        item.id,
        item.title,
        item.tagId,
        item.widgetId,
        el("a", { href: page, target: "_blank", rel: "noopener" }, page),
        el(
          "span",
          { class: "qr" },
          el("img", { src: qr, alt: `QR code for ${item.title}`, width: 96, height: 96, "data-testid": "qr" }),
          el("a", { href: qr, download: `${item.id}-qr.png` }, "Download"),
        ),
      ];
    },
    fields: [
      { name: "id", label: "Id", kind: text, createOnly: true },
      { name: "title", label: "Title", kind: text },
      { name: "tagId", label: "Tag id", kind: text },
      { name: "widgetId", label: "Widget id", kind: text },
    ],
  },
  {
    key: "channel-accounts",
    title: "Channel accounts",
    path: "/api/admin/channel-accounts",
    columns: ["Id", "Channel", "Name", "Enabled", "Secrets"],
    row: (item) => [
      item.id,
      channelIcon(item.channel),
      item.name,
      item.enabled ? "yes" : "no",
      secretNames(item.channel, item).map((name) => `${name}: ${(item.secretsSet || []).includes(name) ? "set" : "not set"}`).join(", "),
    ],
    fields: [
      { name: "id", label: "Id", kind: text, createOnly: true },
      { name: "channel", label: "Channel", kind: select, options: Object.entries(CHANNELS).map(([value, { label }]) => [value, label]) },
      { name: "name", label: "Name", kind: text },
      { name: "enabled", label: "Enabled", kind: checkbox },
      { name: "settings", label: "Settings", kind: pairs },
      { name: "platformBaseUrl", label: "Platform base URL", kind: text },
      { name: "welcomeMessage", label: "Welcome message", kind: textarea },
      { name: "welcomeByTag", label: "Welcome message by tag (tagId=text)", kind: pairs },
      { name: "customInfo", label: "Custom info shown to agents", kind: labelled },
    ],
    secrets: true,
    /** Create and update are both a PUT to the account's id; only secrets typed in are sent. */
    save(values, item, form) {
      const id = item ? item.id : values.id;
      const { id: ignored, ...body } = values;
      body.secrets = {};
      for (const input of form.querySelectorAll("input[data-secret]")) {
        if (input.dataset.remove === "true") body.secrets[input.dataset.secret] = "";
        else if (input.value !== "") body.secrets[input.dataset.secret] = input.value;
      }
      if (!id) return Promise.resolve({ ok: false, title: "An id is needed." });
      return api("PUT", `${this.path}/${encodeURIComponent(id)}`, body);
    },
  },
];

function secretNames(channel, item) {
  return [...new Set([...(SECRET_NAMES[channel] || []), ...((item && item.secretsSet) || [])])];
}

// --- the screens ---------------------------------------------------------------------------------------

let current = RESOURCES[0];

export function initAdmin() {
  $("admin-tabs").replaceChildren(
    ...RESOURCES.map((resource) =>
      el("button", { type: "button", "data-resource": resource.key, onclick: () => showResource(resource) }, resource.title),
    ),
  );
}

export function showAdmin() {
  showResource(current);
}

async function showResource(resource) {
  current = resource;
  for (const tab of $("admin-tabs").children) tab.setAttribute("aria-pressed", String(tab.dataset.resource === resource.key));
  $("admin-title").textContent = resource.title;
  $("admin-error").textContent = "";
  showForm(resource, null);
  const result = await api("GET", resource.path);
  if (current !== resource) return;
  if (!result.ok) {
    $("admin-rows").replaceChildren();
    $("admin-error").textContent = result.title;
    return;
  }
  $("admin-head").replaceChildren(el("tr", {}, ...resource.columns.map((column) => el("th", {}, column)), el("th", {}, "")));
  $("admin-rows").replaceChildren(...result.json.map((item) => rowOf(resource, item)));
}

function rowOf(resource, item) {
  const remove = el("button", { type: "button", class: "danger" }, "Delete");
  remove.addEventListener("click", async () => {
    if (remove.dataset.confirm !== "true") {
      remove.dataset.confirm = "true";
      remove.textContent = "Confirm delete";
      return;
    }
    const result = await api("DELETE", `${resource.path}/${encodeURIComponent(item.id)}`);
    if (result.ok) showResource(resource);
    else $("admin-error").textContent = result.title;
  });
  return el(
    "tr",
    { "data-testid": "admin-row", "data-id": item.id },
    ...resource.row(item).map((cell) => el("td", {}, cell ?? "")),
    el("td", { class: "row-actions" }, el("button", { type: "button", onclick: () => showForm(resource, item) }, "Edit"), remove),
  );
}

function showForm(resource, item) {
  const form = $("admin-form");
  const inputs = {};
  const rows = resource.fields
    .filter((field) => !(item && field.createOnly))
    .map((field) => {
      const input = field.kind.input(field);
      inputs[field.name] = input;
      if (!field.secret) field.kind.set(input, item ? item[field.name] : defaults(resource, field));
      return el("label", { class: field.kind === checkbox ? "check" : "" }, field.label, " ", input);
    });
  const secrets = resource.secrets ? secretFields(resource, item, inputs) : null;
  const error = el("p", { class: "error", role: "alert" });
  form.replaceChildren(
    el("h3", {}, item ? `Edit ${item.name || item.title || item.id}` : `New ${resource.title.toLowerCase().replace(/s$/, "")}`),
    ...rows,
    ...(secrets ? [secrets] : []),
    el("div", { class: "actions" }, el("button", { type: "submit", class: "primary" }, "Save"), item ? el("button", { type: "button", onclick: () => showForm(resource, null) }, "New") : null),
    error,
  );
  form.onsubmit = async (event) => {
    event.preventDefault();
    const values = {};
    for (const field of resource.fields) if (inputs[field.name]) values[field.name] = field.kind.get(inputs[field.name]);
    const result = resource.save ? await resource.save(values, item, form) : await save(resource, values, item);
    if (result.ok) showResource(resource);
    else error.textContent = result.title || result.code;
  };
}

function defaults(resource, field) {
  if (field.name === "maxConcurrentChats") return 3;
  if (field.name === "maxWaitSeconds") return 60;
  if (field.name === "roles") return ["STAFF"];
  if (field.name === "enabled") return true;
  return null;
}

/** Password inputs, never filled in: each says whether the secret is set; typing replaces it. */
function secretFields(resource, item, inputs) {
  const box = el("fieldset", { class: "secrets" });
  const render = () => {
    const channel = inputs.channel ? inputs.channel.value : item.channel;
    box.replaceChildren(
      el("legend", {}, "Secrets (never shown; type to replace)"),
      ...secretNames(channel, item).map((name) => {
        const isSet = Boolean(item && (item.secretsSet || []).includes(name));
        const input = el("input", { type: "password", "data-secret": name, autocomplete: "new-password", "aria-label": name });
        const state = el("span", { class: "muted", "data-testid": "secret-state" }, isSet ? "set" : "not set");
        const remove = isSet
          ? el("button", {
              type: "button",
              class: "link",
              onclick: () => {
                input.dataset.remove = String(input.dataset.remove !== "true");
                state.textContent = input.dataset.remove === "true" ? "will be removed" : "set";
              },
            }, "Remove")
          : null;
        return el("label", { class: "secret" }, el("span", {}, name, " (", state, ")"), input, remove);
      }),
    );
  };
  render();
  if (inputs.channel) inputs.channel.addEventListener("change", render);
  return box;
}

function save(resource, values, item) {
  for (const field of resource.fields) if (item && field.createOnly) delete values[field.name];
  return item ? api("PUT", `${resource.path}/${encodeURIComponent(item.id)}`, values) : api("POST", resource.path, values);
}
