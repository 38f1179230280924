// The ways in: the Tag Directory, the Staff Directory (available staff first; staff who cannot take a chat
// now are shown greyed and cannot be chosen), and the form that starts the conversation.
import { el, initials } from "./dom.js";

export function directoryView(panel, widget) {
  const views = [];
  if (widget.callToAction) {
    const cta = widget.callToAction;
    views.push(
      el(
        "button",
        {
          type: "button",
          class: "primary cta",
          onclick: () => panel.show(cta.label, startView(panel, { type: "CTA", id: cta.tagId }, cta.label, true)),
        },
        cta.label,
      ),
    );
  }
  if (widget.tags.length) views.push(el("h3", {}, "What can we help you with?"), tagList(panel, widget.tags));
  if (widget.staff.length) views.push(el("h3", {}, "Or talk to one of us"), staffList(panel, widget.staff));
  if (!views.length) views.push(el("p", { class: "muted" }, "Chat is not available right now."));
  const wrapper = el("div", { class: "directory" });
  wrapper.append(...views);
  return wrapper;
}

function tagList(panel, tags) {
  const list = el("ul", { class: "tags" });
  for (const tag of tags) {
    list.append(
      el(
        "li",
        {},
        el(
          "button",
          {
            type: "button",
            class: "tag",
            "data-tag": tag.id,
            onclick: () => panel.show(tag.name, startView(panel, { type: "TAG", id: tag.id }, tag.name, true)),
          },
          photo(tag.photoUrl, tag.name),
          el("span", { class: "label" }, el("strong", {}, tag.name), tag.description ? el("span", { class: "muted" }, tag.description) : null),
        ),
      ),
    );
  }
  return list;
}

function staffList(panel, staff) {
  const sorted = [...staff].sort((a, b) => Number(b.available) - Number(a.available));
  const list = el("ul", { class: "staff", "aria-label": "Staff Directory" });
  for (const person of sorted) {
    list.append(
      el(
        "li",
        {},
        el(
          "button",
          {
            type: "button",
            class: person.available ? "person" : "person away",
            "data-staff": person.id,
            disabled: !person.available,
            title: person.available ? null : person.name + " cannot chat right now",
            onclick: () => panel.show(person.name, startView(panel, { type: "STAFF", id: person.id }, person.name, true)),
          },
          photo(person.photoUrl, person.name),
          el(
            "span",
            { class: "label" },
            el("strong", {}, person.name),
            el("span", { class: "availability" }, person.available ? "Available" : "Away"),
          ),
        ),
      ),
    );
  }
  return list;
}

function photo(url, name) {
  if (url && /^https?:\/\//i.test(url)) {
    return el("img", { class: "photo", src: url, alt: "", referrerpolicy: "no-referrer", loading: "lazy", "data-name": name });
  }
  return el("span", { class: "photo initials", "aria-hidden": "true" }, initials(name));
}

/** The first message; {@code entry} is how the visitor came in. */
export function startView(panel, entry, title, canGoBack) {
  const error = el("p", { class: "error", role: "alert" });
  const submit = el("button", { type: "submit", class: "primary" }, "Start chat");
  const form = el(
    "form",
    { class: "start" },
    el("label", {}, "Your name", el("input", { name: "name", maxlength: "100", autocomplete: "name" })),
    el("label", {}, "Your message", el("textarea", { name: "text", rows: "3", maxlength: "4000", required: true })),
    el("div", { class: "row" }, canGoBack ? el("button", { type: "button", class: "secondary", onclick: () => panel.home() }, "Back") : el("span"), submit),
    error,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = form.elements.text.value.trim();
    if (!text) return;
    submit.disabled = true;
    error.textContent = "";
    const result = await panel.api.start(panel.config.widgetId, entry, { name: form.elements.name.value }, text);
    if (!result.ok) {
      submit.disabled = false;
      error.textContent = (result.json && result.json.title) || "The chat could not start; try again.";
      return;
    }
    panel.started({ token: result.json.visitorToken, conversationId: result.json.conversationId, title, lastSeq: 0 });
  });
  queueMicrotask(() => form.elements.name.focus());
  return form;
}
