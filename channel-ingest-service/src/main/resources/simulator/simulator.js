// The channel simulator's page: pick a demo channel, write as the customer, see what arrives.
// Every value from the server or the person is inserted as text, never as HTML.

const api = '/simulator/api';
const NAME_KEY = 'parley.simulator.customerName';
const POLL_MS = 1000;

const elements = {
  channels: document.getElementById('channels'),
  channelsStatus: document.getElementById('channels-status'),
  title: document.getElementById('chat-title'),
  name: document.getElementById('customer-name'),
  customerId: document.getElementById('customer-id'),
  messages: document.getElementById('messages'),
  form: document.getElementById('send'),
  text: document.getElementById('text'),
  button: document.querySelector('#send button'),
  webhook: document.getElementById('webhook'),
  subjectRow: document.getElementById('subject-row'),
  subject: document.getElementById('subject'),
};

// Email is sent over SMTP: its status is the mail server's reply code (250 when it took the mail).
const EMAIL = 'EMAIL';

const state = { channel: null, lastSeq: 0, generation: 0, timer: null };

function initials(label) {
  return label.split(/\s+/).map((word) => word[0]).join('').slice(0, 2).toUpperCase();
}

function storedName() {
  try {
    return localStorage.getItem(NAME_KEY) || 'Alex Example';
  } catch {
    return 'Alex Example';
  }
}

function rememberName(name) {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // private mode: the name lasts for this page only
  }
}

async function json(response) {
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : {};
}

function renderChannels(channels) {
  elements.channels.replaceChildren();
  for (const channel of channels) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'channel';
    button.dataset.channel = channel.channel;
    button.setAttribute('aria-pressed', 'false');
    const icon = document.createElement('span');
    icon.className = `icon ${channel.channel}`;
    icon.setAttribute('aria-hidden', 'true');
    icon.textContent = initials(channel.label);
    const label = document.createElement('span');
    label.textContent = channel.label;
    button.append(icon, label);
    button.addEventListener('click', () => pick(channel));
    item.append(button);
    elements.channels.append(item);
  }
  elements.channelsStatus.textContent = channels.length === 0
    ? 'No demo channel accounts: start Parley with ./parley up --demo.'
    : '';
}

function pick(channel) {
  state.channel = channel;
  for (const button of elements.channels.querySelectorAll('button')) {
    button.setAttribute('aria-pressed', String(button.dataset.channel === channel.channel));
  }
  elements.title.textContent = `${channel.label} · ${channel.accountName}`;
  history.replaceState(null, '', `#${channel.channel}`);
  elements.text.disabled = false;
  elements.button.disabled = false;
  elements.webhook.textContent = '';
  elements.subjectRow.hidden = channel.channel !== EMAIL;
  restart();
  elements.text.focus();
}

function restart() {
  state.generation += 1;
  state.lastSeq = 0;
  elements.messages.replaceChildren();
  elements.customerId.textContent = '';
  clearTimeout(state.timer);
  poll(state.generation);
}

function customerName() {
  return elements.name.value.trim();
}

function accepted(status) {
  return state.channel && state.channel.channel === EMAIL ? status === 250 : status === 200;
}

function how() {
  return state.channel && state.channel.channel === EMAIL ? 'SMTP' : 'webhook';
}

function show(entry) {
  const item = document.createElement('li');
  const refused = entry.from === 'CUSTOMER' && !accepted(entry.webhookStatus);
  item.className = `message ${entry.from}${refused ? ' refused' : ''}`;
  const text = document.createElement('span');
  text.textContent = entry.text;
  const meta = document.createElement('span');
  meta.className = 'meta';
  const time = new Date(entry.at).toLocaleTimeString();
  meta.textContent = entry.from === 'CUSTOMER'
    ? `${time} · ${how()} ${entry.webhookStatus === 0 ? 'unreachable' : entry.webhookStatus}`
    : `${time} · from the business`;
  item.append(text, meta);
  elements.messages.append(item);
  elements.messages.scrollTop = elements.messages.scrollHeight;
}

async function poll(generation) {
  if (generation !== state.generation || !state.channel || !customerName()) {
    return;
  }
  const query = new URLSearchParams({
    channel: state.channel.channel,
    customerName: customerName(),
    after: String(state.lastSeq),
  });
  try {
    const response = await fetch(`${api}/conversations?${query}`, { cache: 'no-store' });
    const body = await json(response);
    if (generation !== state.generation) {
      return;
    }
    if (response.ok) {
      elements.customerId.textContent = `Customer id on ${state.channel.label}: ${body.customerId}`;
      for (const entry of body.messages) {
        if (entry.seq > state.lastSeq) {
          state.lastSeq = entry.seq;
          show(entry);
        }
      }
    } else {
      elements.customerId.textContent = body.title || `The simulator answered ${response.status}`;
    }
  } catch {
    elements.customerId.textContent = 'The simulator is not reachable; retrying…';
  }
  if (generation === state.generation) {
    state.timer = setTimeout(() => poll(generation), POLL_MS);
  }
}

function report(body, ok) {
  elements.webhook.classList.toggle('error', !ok);
  elements.webhook.textContent = body;
}

async function send(event) {
  event.preventDefault();
  const text = elements.text.value.trim();
  if (!state.channel || !text || !customerName()) {
    report('Pick a channel, give your name and write something.', false);
    return;
  }
  elements.button.disabled = true;
  const message = { channel: state.channel.channel, customerName: customerName(), text };
  const subject = elements.subject.value.trim();
  if (state.channel.channel === EMAIL && subject) {
    message.subject = subject;
  }
  try {
    const response = await fetch(`${api}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message),
    });
    const body = await json(response);
    if (!response.ok) {
      report(`The simulator refused: ${body.code || response.status} ${body.title || ''}`, false);
      return;
    }
    elements.text.value = '';
    elements.subject.value = '';
    const who = state.channel.channel === EMAIL ? 'the mail server' : 'Parley';
    if (accepted(body.webhookStatus)) {
      report(`Last ${how()}: ${state.channel.label} → ${who} answered ${body.webhookStatus}`, true);
    } else if (body.webhookStatus === 0) {
      report(`Last ${how()}: not delivered (${body.webhookDetail || 'unreachable'})`, false);
    } else {
      report(`Last ${how()}: ${who} answered ${body.webhookStatus} ${body.webhookCode || ''} ${body.webhookDetail || ''}`, false);
    }
    clearTimeout(state.timer);
    poll(state.generation);
  } catch {
    report('The simulator is not reachable.', false);
  } finally {
    elements.button.disabled = false;
  }
}

async function start() {
  elements.name.value = storedName();
  elements.name.addEventListener('change', () => {
    rememberName(customerName());
    restart();
  });
  elements.form.addEventListener('submit', send);
  elements.text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      elements.form.requestSubmit();
    }
  });
  try {
    const response = await fetch(`${api}/channels`, { cache: 'no-store' });
    const body = await json(response);
    if (!response.ok) {
      elements.channelsStatus.textContent = body.title || `The simulator answered ${response.status}`;
      return;
    }
    renderChannels(body.channels);
    // A link such as /simulator/#LINE opens that channel.
    const wanted = body.channels.find((channel) => `#${channel.channel}` === window.location.hash);
    if (wanted) {
      pick(wanted);
    }
  } catch {
    elements.channelsStatus.textContent = 'The simulator is not reachable.';
  }
}

start();
