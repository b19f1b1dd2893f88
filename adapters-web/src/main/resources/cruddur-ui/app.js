// Cruddur Messages: sign in, the inbox (pattern B), a conversation (pattern A), the composer (patterns C and D), live
// updates from GET /api/events. Plain DOM, text always set as text (never as HTML).
import { ApiError, createApi } from './api.js';
import { openLiveStream } from './live.js';
import { clockTime, dayHeading, fullTime, parseTime, relativeTime, sameDay } from './time.js';

const MAX_CHARS = 1024;
const SESSION_KEY = 'cruddur.session';
const EXPIRED = 'Your session has expired. Sign in again to go on.';

const $ = (id) => document.getElementById(id);

const state = {
  session: null,       // {handle, displayName, token, expiresAt}
  groups: [],          // pattern B rows, newest first
  groupsNext: null,    // the next page of the inbox
  open: null,          // {uuid | null, handle, displayName, messages: [], older: url | null}
  live: null,
  expiryTimer: null,
  pendingSend: null,   // {target, text, key}: a send that failed without an answer, retried with the same key
  readTimer: null,     // a read of the open conversation waiting for more messages to arrive (debounced)
  editing: null,       // the uuid of the caller's message being edited in the open conversation
};

// Messages arriving in a burst are marked read with one request, not one each.
const READ_DELAY_MS = 600;

const api = createApi({
  getToken: () => state.session?.token ?? null,
  onUnauthorized: () => signOut(EXPIRED),
});


function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function show(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

function timeElement(createdAt) {
  const date = parseTime(createdAt);
  const node = el('time', { datetime: createdAt, title: fullTime(date), 'data-time': createdAt },
    relativeTime(date));
  return node;
}

function refreshTimes() {
  for (const node of document.querySelectorAll('time[data-time]')) {
    node.textContent = relativeTime(parseTime(node.dataset.time));
  }
}

function codePoints(text) {
  return [...text].length;
}

function messageOf(error) {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.';
}


function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY));
    if (session?.token && session.expiresAt > Date.now()) return session;
    if (session?.token) return { expired: true };
  } catch { /* nothing stored */ }
  return null;
}

function saveSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

async function showSignIn(notice) {
  $('loading').hidden = true;
  $('app').hidden = true;
  $('account').hidden = true;
  $('sign-in').hidden = false;
  show($('sign-in-notice'), notice);
  show($('sign-in-error'), '');
  document.title = 'Sign in · Cruddur Messages';
  const list = $('users');
  list.replaceChildren();
  try {
    const users = await api.devUsers();
    for (const user of users) {
      list.append(el('li', {}, el('button', {
        type: 'button', class: 'user', 'data-handle': user.handle,
        onclick: () => signIn(user),
      }, el('span', { class: 'name', text: user.display_name }), el('span', { class: 'handle', text: `@${user.handle}` }))));
    }
    if (users.length === 0) show($('sign-in-error'), 'There are no users to sign in as.');
  } catch (error) {
    show($('sign-in-error'), error.status === 404
      ? 'Signing in here needs the embedded default (bin/cruddur); this service signs in with Cognito.'
      : messageOf(error));
  }
  // The notice is an alert (read out when shown); the focus goes to the first user to sign in as.
  list.querySelector('button')?.focus();
}

async function signIn(user) {
  show($('sign-in-error'), '');
  try {
    const issued = await api.devToken(user.handle);
    state.session = {
      handle: user.handle, displayName: user.display_name, token: issued.access_token,
      expiresAt: Date.now() + issued.expires_in * 1000,
    };
    saveSession(state.session);
    if (location.hash && location.hash !== '#/') history.replaceState(null, '', '#/');
    await startApp();
  } catch (error) {
    show($('sign-in-error'), messageOf(error));
  }
}

/** Back to the sign-in page; {@code notice} says why (an expired session), none for an ordinary sign-out. */
function signOut(notice) {
  if (!state.session && !$('sign-in').hidden) return;
  state.live?.stop();
  state.live = null;
  clearTimeout(state.expiryTimer);
  state.session = null;
  state.groups = [];
  state.groupsNext = null;
  state.open = null;
  state.pendingSend = null;
  clearTimeout(state.readTimer);
  sessionStorage.removeItem(SESSION_KEY);
  $('groups').replaceChildren();
  $('messages').replaceChildren();
  $('message-text').value = '';
  updateCounter();
  show($('live-status'), '');
  $('live-status').hidden = false;
  if (location.hash && location.hash !== '#/') history.replaceState(null, '', '#/');
  showSignIn(notice);
}

async function startApp() {
  const session = state.session;
  $('loading').hidden = true;
  $('sign-in').hidden = true;
  $('app').hidden = false;
  $('account').hidden = false;
  $('account-name').textContent = `${session.displayName} (@${session.handle})`;
  document.title = 'Cruddur Messages';
  clearTimeout(state.expiryTimer);
  state.expiryTimer = setTimeout(() => signOut(EXPIRED), Math.max(0, session.expiresAt - Date.now()));
  state.live = openLiveStream({
    getToken: () => state.session?.token,
    onEvent: onLiveEvent,
    onState: (liveState) => {
      $('live-status').textContent = {
        connecting: 'Connecting to live updates…',
        live: 'Live: new messages appear as they arrive.',
        reconnecting: 'Live updates interrupted; reconnecting…',
      }[liveState];
    },
    // Lists are read once the stream is open, so nothing sent in between is missed; a resume reads back itself.
    onOpen: (resumed) => { if (!resumed) reloadLists(); },
    onUnauthorized: () => signOut(EXPIRED),
  });
  await loadInbox();
  await route();
}

async function reloadLists() {
  await loadInbox();
  if (state.open?.uuid) await openConversation(state.open.uuid, { keepFocus: true });
}


async function loadInbox() {
  try {
    const page = await api.messageGroups();
    state.groups = page.data;
    state.groupsNext = page.next;
    show($('inbox-error'), '');
  } catch (error) {
    if (error.status !== 401) show($('inbox-error'), messageOf(error));
  }
  renderInbox();
}

async function moreGroups() {
  const button = $('more-groups');
  button.disabled = true;
  try {
    const page = await api.messageGroups(state.groupsNext);
    const known = new Set(state.groups.map((group) => group.uuid));
    state.groups.push(...page.data.filter((group) => !known.has(group.uuid)));
    state.groupsNext = page.next;
    renderInbox();
    $('groups').querySelector(`li:nth-child(${known.size + 1}) a`)?.focus();
  } catch (error) {
    show($('inbox-error'), messageOf(error));
  } finally {
    button.disabled = false;
  }
}

/** The row's unread mark: the count shown ("99+" past 99, where the API stops counting exactly), read out in words. */
function unreadBadge(count) {
  if (!(count > 0)) return null;
  const words = count > 99 ? 'More than 99 unread messages' : `${count} unread message${count === 1 ? '' : 's'}`;
  return el('span', { class: 'unread' },
    el('span', { 'aria-hidden': 'true', text: count > 99 ? '99+' : String(count) }),
    el('span', { class: 'visually-hidden', text: `, ${words}` }));
}

function renderInbox() {
  const list = $('groups');
  list.replaceChildren(...state.groups.map((group) => el('li', {},
    el('a', {
      class: group.unread_count > 0 ? 'group unread-group' : 'group', href: `#/c/${group.uuid}`,
      'data-uuid': group.uuid, 'data-handle': group.handle,
      'aria-current': state.open?.uuid === group.uuid ? 'true' : null,
    },
    el('span', { class: 'who' }, document.createTextNode(group.display_name), ' ',
      el('span', { class: 'handle', text: `@${group.handle}` })),
    timeElement(group.created_at),
    el('span', { class: 'last', text: group.message }),
    unreadBadge(group.unread_count)))));
  $('inbox-empty').hidden = state.groups.length > 0;
  $('more-groups').hidden = !state.groupsNext;
}

/** A conversation's row now shows this message: it moves to the top (the inbox is newest first). */
function moveGroupToTop(groupUuid, message, createdAt) {
  const index = state.groups.findIndex((group) => group.uuid === groupUuid);
  if (index < 0) return false;
  const [group] = state.groups.splice(index, 1);
  if (!group.created_at || group.created_at <= createdAt) {
    group.message = message;
    group.created_at = createdAt;
  }
  state.groups.unshift(group);
  state.groups.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  renderInbox();
  return true;
}


async function openConversation(uuid, { keepFocus = false } = {}) {
  const row = state.groups.find((group) => group.uuid === uuid);
  if (state.open?.uuid !== uuid) {
    clearTimeout(state.readTimer);
    state.editing = null;
    state.open = {
      uuid, handle: row?.handle ?? '', displayName: row?.display_name ?? '', messages: [], older: null, readUpTo: null,
    };
    state.pendingSend = null;
  }
  const open = state.open;
  renderConversationShell();
  try {
    const page = await api.messages(uuid);
    if (state.open !== open) return;
    const reloaded = open.messages.length > 0;
    mergeMessages(page.data);
    // Read again (after a reset, say): the older pages already shown stay, with their link.
    if (!reloaded) open.older = page.next;
    if (!state.open.handle) {
      const other = page.data.find((message) => message.handle !== state.session.handle);
      if (other) Object.assign(state.open, { handle: other.handle, displayName: other.display_name });
    }
    show($('conversation-error'), '');
    renderConversationShell();
    renderMessages({ scrollToEnd: true });
    markRead();
  } catch (error) {
    if (error.status === 401) return;
    show($('conversation-error'), error.status === 404
      ? 'This conversation does not exist or you are not in it.' : messageOf(error));
  }
  if (!keepFocus) $('message-text').focus();
}

/**
 * Marks the open conversation read up to its newest message shown, when the person can see it (the tab visible) and
 * there is something to mark: a newer message than the last one marked, not just the caller's own with nothing unread.
 * The answer is the caller's row, whose count the inbox then shows.
 */
async function markRead() {
  clearTimeout(state.readTimer);
  const open = state.open;
  if (!open?.uuid || document.visibilityState !== 'visible') return;
  const newest = open.messages[open.messages.length - 1];
  if (!newest || newest.uuid === open.readUpTo) return;
  const row = state.groups.find((group) => group.uuid === open.uuid);
  if (newest.handle === state.session.handle && row && !(row.unread_count > 0)) return;
  open.readUpTo = newest.uuid;
  try {
    const answer = await api.markRead(open.uuid, newest);
    setUnreadCount(open.uuid, answer?.unread_count);
  } catch (error) {
    // Nothing the person must act on: the mark stays, and the next message or opening tries again.
    if (state.open === open && open.readUpTo === newest.uuid) open.readUpTo = null;
  }
}

function scheduleRead() {
  clearTimeout(state.readTimer);
  state.readTimer = setTimeout(markRead, READ_DELAY_MS);
}

function setUnreadCount(groupUuid, count) {
  const row = state.groups.find((group) => group.uuid === groupUuid);
  if (!row || typeof count !== 'number' || row.unread_count === count) return;
  row.unread_count = count;
  renderInbox();
}

/** A conversation not started yet, with the user found by handle: the first send starts it (pattern D). */
function openDraft(user) {
  state.open = { uuid: null, handle: user.handle, displayName: user.display_name, messages: [], older: null };
  state.pendingSend = null;
  show($('conversation-error'), '');
  renderConversationShell();
  renderMessages();
  $('message-text').focus();
}

function renderConversationShell() {
  const open = state.open;
  $('conversation').hidden = !open;
  $('app').classList.toggle('viewing', Boolean(open));
  renderInbox();
  if (!open) return;
  const title = $('conversation-title');
  title.replaceChildren(document.createTextNode(open.displayName || 'Conversation'), ' ',
    open.handle ? el('span', { class: 'handle', text: `@${open.handle}` }) : '');
  document.title = `${open.displayName || 'Conversation'} · Cruddur Messages`;
  $('older').hidden = !open.older;
  $('message-text').setAttribute('aria-label', `Message to ${open.displayName || open.handle}`);
}

function mergeMessages(messages) {
  const byUuid = new Map(state.open.messages.map((message) => [message.uuid, message]));
  for (const message of messages) byUuid.set(message.uuid, message);
  state.open.messages = [...byUuid.values()]
    .sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

function renderMessages({ scrollToEnd = false, keepPosition = false } = {}) {
  const scroller = $('scroller');
  const fromBottom = scroller.scrollHeight - scroller.scrollTop;
  const nearEnd = fromBottom - scroller.clientHeight < 80;
  const items = [];
  let previous = null;
  const now = new Date();
  for (const message of state.open.messages) {
    const date = parseTime(message.created_at);
    if (!previous || !sameDay(previous, date)) {
      items.push(el('li', { class: 'day', role: 'presentation' }, dayHeading(date, now)));
    }
    previous = date;
    const mine = message.handle === state.session.handle;
    const classes = ['message', mine ? 'mine' : '', message.deleted ? 'deleted' : ''].filter(Boolean).join(' ');
    items.push(el('li', { class: classes, 'data-uuid': message.uuid },
      el('div', { class: 'meta' },
        el('span', { class: 'sender', text: mine ? 'You' : message.display_name }),
        el('span', { class: 'handle', text: `@${message.handle}` }),
        el('time', { datetime: message.created_at, title: fullTime(date) }, clockTime(date)),
        message.edited_at && !message.deleted
          ? el('span', { class: 'edited', title: `Edited ${fullTime(parseTime(message.edited_at))}`, text: 'edited' })
          : null,
        mine && !message.deleted && state.editing !== message.uuid ? messageActions(message) : null),
      state.editing === message.uuid ? editForm(message)
        : el('p', { class: 'text', text: message.deleted ? 'message deleted' : message.message })));
  }
  $('messages').replaceChildren(...items);
  $('conversation-empty').hidden = state.open.messages.length > 0;
  $('older').hidden = !state.open.older;
  if (keepPosition) scroller.scrollTop = scroller.scrollHeight - fromBottom;
  else if (scrollToEnd || nearEnd) scroller.scrollTop = scroller.scrollHeight;
}

/** Edit and Delete on one of the caller's own messages. */
function messageActions(message) {
  return el('span', { class: 'actions' },
    el('button', {
      type: 'button', class: 'link-button', text: 'Edit', 'aria-label': 'Edit message',
      onclick: () => { state.editing = message.uuid; renderMessages(); $('edit-text')?.focus(); },
    }),
    el('button', {
      type: 'button', class: 'link-button', text: 'Delete', 'aria-label': 'Delete message',
      onclick: () => deleteMessage(message),
    }));
}

function editForm(message) {
  const textarea = el('textarea', { id: 'edit-text', rows: '2', 'aria-label': 'New text of the message' });
  textarea.value = message.message;
  const form = el('form', {
    class: 'edit', onsubmit: (event) => { event.preventDefault(); saveEdit(message, textarea.value); },
  },
  textarea,
  el('div', { class: 'edit-buttons' },
    el('button', { type: 'submit', text: 'Save' }),
    el('button', {
      type: 'button', class: 'secondary', text: 'Cancel',
      onclick: () => { state.editing = null; renderMessages(); },
    })));
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { state.editing = null; renderMessages(); }
  });
  return form;
}

async function saveEdit(message, text) {
  const open = state.open;
  show($('conversation-error'), '');
  try {
    const edited = await api.editMessage(open.uuid, message.uuid, text);
    if (state.open !== open) return;
    state.editing = null;
    applyChange(edited);
  } catch (error) {
    if (error.status !== 401) show($('conversation-error'), `Not edited: ${messageOf(error)}`);
  }
}

async function deleteMessage(message) {
  const open = state.open;
  if (!window.confirm('Delete this message? It is removed for both of you.')) return;
  show($('conversation-error'), '');
  try {
    await api.deleteMessage(open.uuid, message.uuid);
    if (state.open !== open) return;
    applyChange({ ...message, message: '', deleted: true, message_group_uuid: open.uuid });
  } catch (error) {
    if (error.status !== 401) show($('conversation-error'), `Not deleted: ${messageOf(error)}`);
  }
}

/**
 * A message edited or deleted (here, on another device, or by the other person): the open conversation shows it as it
 * now is, and the inbox row too when it is the conversation's last message.
 */
function applyChange(changed) {
  if (state.open && state.open.uuid === changed.message_group_uuid
      && state.open.messages.some((message) => message.uuid === changed.uuid)) {
    mergeMessages([changed]);
    renderMessages();
  }
  const row = state.groups.find((group) => group.uuid === changed.message_group_uuid);
  if (row && row.created_at === changed.created_at && row.message !== changed.message) {
    row.message = changed.message;
    renderInbox();
  }
}

async function olderMessages() {
  const open = state.open;
  const button = $('older');
  button.disabled = true;
  try {
    const page = await api.messages(open.uuid, open.older);
    if (state.open !== open) return;
    mergeMessages(page.data);
    open.older = page.next;
    renderMessages({ keepPosition: true });
    // Focus stays where the reader is: on the button while there is more, else on the oldest message now shown.
    if (open.older) {
      $('older').focus();
    } else {
      const oldest = $('messages').querySelector('.message');
      oldest?.setAttribute('tabindex', '-1');
      oldest?.focus();
    }
  } catch (error) {
    show($('conversation-error'), messageOf(error));
  } finally {
    button.disabled = false;
  }
}


function updateCounter() {
  const count = codePoints($('message-text').value);
  const counter = $('counter');
  counter.textContent = `${count} / ${MAX_CHARS}`;
  counter.classList.toggle('over', count > MAX_CHARS);
  counter.setAttribute('aria-label', count > MAX_CHARS
    ? `${count - MAX_CHARS} characters over the limit of ${MAX_CHARS}` : `${count} of ${MAX_CHARS} characters`);
}

async function send() {
  const open = state.open;
  if (!open) return;
  const textarea = $('message-text');
  const text = textarea.value;
  const target = open.uuid ? { message_group_uuid: open.uuid } : { handle: open.handle };
  const targetKey = JSON.stringify(target);
  // A retry of a send that got no answer keeps its key: if the first one was stored, nothing new is.
  const pending = state.pendingSend;
  const key = pending && pending.target === targetKey && pending.text === text ? pending.key : crypto.randomUUID();
  state.pendingSend = { target: targetKey, text, key };
  const button = $('send');
  button.disabled = true;
  show($('composer-error'), '');
  try {
    let sent;
    try {
      sent = await api.send(target, text, key);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 0) throw error;
      sent = await api.send(target, text, key); // once more after a network error, safely
    }
    state.pendingSend = null;
    if (textarea.value === text) textarea.value = '';
    updateCounter();
    if (state.open !== open) return;
    if (!open.uuid) {
      open.uuid = sent.message_group_uuid;
      history.replaceState(null, '', `#/c/${open.uuid}`);
    }
    mergeMessages([sent]);
    renderMessages({ scrollToEnd: true });
    if (!moveGroupToTop(open.uuid, sent.message, sent.created_at)) {
      state.groups.unshift({
        uuid: open.uuid, display_name: open.displayName, handle: open.handle,
        message: sent.message, created_at: sent.created_at,
      });
      renderInbox();
    }
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 0) state.pendingSend = null;
    if (error.status !== 401) show($('composer-error'), `Not sent: ${messageOf(error)}`);
  } finally {
    button.disabled = false;
    if (state.open === open) textarea.focus();
  }
}


async function startConversation(event) {
  event.preventDefault();
  const input = $('new-handle');
  const handle = input.value.trim().replace(/^@/, '');
  show($('new-error'), '');
  if (!handle) {
    show($('new-error'), 'Enter the handle of the person to write to.');
    input.focus();
    return;
  }
  try {
    const user = await api.userShort(handle);
    input.value = '';
    if (user.handle === state.session.handle) {
      show($('new-error'), 'That is you. Choose someone else.');
      return;
    }
    const existing = state.groups.find((group) => group.handle === user.handle);
    if (existing) {
      location.hash = `#/c/${existing.uuid}`;
    } else {
      history.pushState(null, '', `#/new/${encodeURIComponent(user.handle)}`);
      openDraft(user);
    }
  } catch (error) {
    show($('new-error'), error.status === 404 ? `No such user: @${handle}` : messageOf(error));
    input.focus();
  }
}


function onLiveEvent({ event, data }) {
  let payload;
  try { payload = JSON.parse(data); } catch { return; }
  if (event === 'message') {
    if (state.open && state.open.uuid === payload.message_group_uuid) {
      mergeMessages([payload]);
      renderMessages();
      scheduleRead();
    }
    if (!moveGroupToTop(payload.message_group_uuid, payload.message, payload.created_at)) loadInbox();
  } else if (event === 'message_group') {
    if (!state.groups.some((group) => group.uuid === payload.uuid)) {
      state.groups.unshift(payload);
    }
    moveGroupToTop(payload.uuid, payload.message, payload.created_at);
    // The count moves with each message and with each read, this device's or another's.
    setUnreadCount(payload.uuid, payload.unread_count);
  } else if (event === 'message_updated') {
    applyChange(payload);
  } else if (event === 'reset') {
    reloadLists();
  }
}


async function route() {
  if (!state.session) return;
  const hash = location.hash;
  const conversation = hash.match(/^#\/c\/([0-9a-fA-F-]{36})$/);
  const draft = hash.match(/^#\/new\/(.+)$/);
  if (conversation) {
    if (state.open?.uuid !== conversation[1]) await openConversation(conversation[1]);
  } else if (draft && state.open?.handle !== decodeURIComponent(draft[1])) {
    try {
      openDraft(await api.userShort(decodeURIComponent(draft[1])));
    } catch { location.hash = '#/'; }
  } else if (!conversation && !draft) {
    const was = state.open?.uuid;
    state.open = null;
    renderConversationShell();
    if (was) $('groups').querySelector(`[data-uuid="${was}"]`)?.focus();
  }
}

function init() {
  $('sign-out').addEventListener('click', () => signOut());
  $('more-groups').addEventListener('click', moreGroups);
  $('older').addEventListener('click', olderMessages);
  $('new-conversation').addEventListener('submit', startConversation);
  $('composer').addEventListener('submit', (event) => { event.preventDefault(); send(); });
  const textarea = $('message-text');
  textarea.addEventListener('input', updateCounter);
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.altKey && !event.ctrlKey
        && !event.metaKey) {
      event.preventDefault();
      if (!$('send').disabled) send();
    }
  });
  window.addEventListener('hashchange', route);
  // Messages that arrived while the tab was hidden are read once it is seen.
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') scheduleRead(); });
  setInterval(refreshTimes, 30_000);
  updateCounter();

  const session = loadSession();
  if (session?.token) {
    state.session = session;
    startApp();
  } else {
    showSignIn(session?.expired ? EXPIRED : '');
  }
}

init();
