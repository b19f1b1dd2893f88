// Browser tests of the web UI: Playwright (playwright-core, no browser of its own) driving Debian's Chromium headless
// against the packaged service on the embedded default, started by WebUiIT, which passes:
//   CRUDDUR_URL        the service, e.g. http://localhost:41234
//   CHROMIUM           the browser, /usr/bin/chromium
//   ARTIFACTS          where the screenshots of each step go
// Every assertion is about what the person sees on the page; the API is used only to set up data.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.CRUDDUR_URL ?? 'http://localhost:8080';
const ARTIFACTS = process.env.ARTIFACTS ?? 'artifacts';
const STEP_TIMEOUT = 20_000;
mkdirSync(ARTIFACTS, { recursive: true });

// Without the background-networking flags Chromium calls Google's services, which this closed network refuses.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser;
let shot = 0;

before(async () => {
  // launch() gives the browser a fresh temporary profile (user data dir) of its own, removed on close.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
});

async function screenshot(page, name) {
  shot += 1;
  const file = join(ARTIFACTS, `${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Polls until {@code check()} returns a truthy value (or stops throwing); fails with {@code what} otherwise. */
async function until(what, check, timeout = STEP_TIMEOUT) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) assert.fail(`${what} (within ${timeout} ms; last: ${last?.message ?? last})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.problems = problems;
  return page;
}

async function api(method, path, { token, body, headers = {} } = {}) {
  const response = await fetch(BASE + path, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function tokenOf(handle) {
  const { status, body } = await api('POST', '/dev/token', { body: { handle } });
  assert.equal(status, 200);
  return body.access_token;
}

/** Signs in from the sign-in page by choosing the user, as a person does; waits for the inbox. */
async function signIn(page, handle, base = BASE) {
  await page.goto(base);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`@${handle}$`) }).click();
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
  await until(`${handle} is shown as signed in`, async () =>
    (await page.locator('#account-name').textContent()).includes(`@${handle}`));
  await waitUntilLive(page);
  await until('the inbox is shown', async () =>
    (await page.locator('#groups .group').count()) > 0 || page.locator('#inbox-empty').isVisible());
}

async function waitUntilLive(page) {
  await until('the page says live updates are on', async () =>
    (await page.getByRole('status').textContent()).startsWith('Live'));
}

/** A TCP proxy on a free loopback port to the service; {@code cut()} closes every connection through it. */
async function tcpProxy(target) {
  const open = new Set();
  let refusing = false;
  let accepted = 0;
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    accepted += 1;
    const upstream = connect(Number(target.port), '127.0.0.1');
    for (const [socket, other] of [[client, upstream], [upstream, client]]) {
      open.add(socket);
      socket.on('error', () => other.destroy());
      socket.on('close', () => { open.delete(socket); other.destroy(); });
      socket.pipe(other);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${server.address().port}`,
    cut({ refuse }) {
      refusing = refuse;
      for (const socket of open) socket.destroy();
    },
    allow() { refusing = false; },
    connections: () => accepted,
    close() {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

function inboxRow(page, handle) {
  return page.getByRole('list', { name: /^Conversations/ }).getByRole('link', { name: new RegExp(`@${handle}\\b`) });
}

/** The font weight of an inbox row's last-message line, or '' while the row is being replaced. */
async function lastLineWeight(row) {
  return row.evaluate((link) => getComputedStyle(link.querySelector('.last')).fontWeight);
}

async function inboxHandles(page) {
  return page.locator('#groups .group .handle').allTextContents();
}

async function openConversationWith(page, handle) {
  await inboxRow(page, handle).click();
  await until(`the conversation with @${handle} is open`, async () =>
    (await page.locator('#conversation-title').textContent()).includes(`@${handle}`));
  await until('its messages are shown', async () => (await page.locator('#messages .message').count()) > 0);
}

function messagesWithText(page, text) {
  return page.locator('#messages .message .text').filter({ hasText: text });
}

async function shownTexts(page) {
  return page.locator('#messages .message .text').allTextContents();
}

/** A marker that lives as long as the page: gone after a reload. */
async function markPage(page) {
  await page.evaluate(() => { window.cruddurTestMarker = 'not reloaded'; });
}

async function stillSamePage(page) {
  return (await page.evaluate(() => window.cruddurTestMarker)) === 'not reloaded';
}

function assertShows(shown, text) {
  assert.ok(shown.includes(text), `${JSON.stringify(shown)} shows ${JSON.stringify(text)}`);
}

function unique(text) {
  return `${text} ${Math.random().toString(36).slice(2, 8)}`;
}

describe('Cruddur Messages in a browser', { concurrency: 1, timeout: 120_000 }, () => {
  before(async () => {
    // The demo conversations are there on a fresh start; these make sure of what the tests rely on even if the
    // demo could not be written (pattern D sends into the demo conversation when it exists).
    for (const [from, to, text] of [['londo', 'andrewbrown', 'Andrew, the council meets at noon.'],
      ['bayko', 'andrewbrown', 'Ready when you are.']]) {
      const sent = await api('POST', '/api/messages', { token: await tokenOf(from), body: { handle: to, message: text } });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
    }
  });

  test('the sign-in page offers the users; andrewbrown opens the conversation with bayko, sends, sees it once',
    async () => {
      const page = await newPage();
      await page.goto(BASE);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.locator('#users button').first().waitFor();
      const offered = await page.locator('#users button .handle').allTextContents();
      assert.deepEqual([...offered].sort(), ['@andrewbrown', '@bayko', '@londo']);
      await screenshot(page, 'sign-in');

      await page.getByRole('button', { name: /@andrewbrown$/ }).click();
      await page.getByRole('heading', { name: 'Conversations' }).waitFor();
      await waitUntilLive(page);
      await inboxRow(page, 'bayko').waitFor();
      assert.match(await inboxRow(page, 'bayko').textContent(), /Andrew Bayko/);
      await screenshot(page, 'inbox');

      await openConversationWith(page, 'bayko');
      const senders = await page.locator('#messages .message .sender').allTextContents();
      assert.ok(senders.length > 0 && senders.every((sender) => sender.trim() !== ''), 'every message shows its sender');
      assert.ok(senders.includes('Andrew Bayko') && senders.includes('You'), `senders shown: ${senders}`);
      await screenshot(page, 'conversation');

      await markPage(page);
      const text = unique('Coffee at ten?');
      const composer = page.getByRole('textbox', { name: /Message/ });
      await composer.fill(text);
      assert.equal(await page.locator('#counter').textContent(), `${text.length} / 1024`);
      await composer.press('Enter');

      await messagesWithText(page, text).first().waitFor();
      // The live event of the same message arrives too: it must not show twice.
      await page.waitForTimeout(1500);
      assert.equal(await messagesWithText(page, text).count(), 1, 'the message is shown exactly once');
      assert.equal((await shownTexts(page)).at(-1), text, 'the new message is the last one');
      assert.equal(await composer.inputValue(), '', 'the composer is cleared');
      assert.equal(await page.locator('#counter').textContent(), '0 / 1024');
      assert.equal((await inboxHandles(page))[0], '@bayko', 'the conversation is at the top of the inbox');
      assertShows(await inboxRow(page, 'bayko').textContent(), text);
      assert.ok(await stillSamePage(page), 'the page was not reloaded');
      await screenshot(page, 'sent');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });

  test('bayko starts a conversation with londo by handle; it opens and shows the first message', async () => {
    const page = await newPage();
    await signIn(page, 'bayko');
    await page.getByLabel('Start a conversation with').fill('londo');
    await page.getByRole('button', { name: 'Start' }).click();
    await until('the new conversation with Londo is open', async () =>
      (await page.locator('#conversation-title').textContent()).includes('Londo Mollari'));
    assert.equal(await page.locator('#messages .message').count(), 0);
    const text = unique('Hello Londo');
    await page.getByRole('textbox', { name: /Message/ }).fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await messagesWithText(page, text).waitFor();
    await until('the inbox shows the new conversation at the top', async () =>
      (await inboxHandles(page))[0] === '@londo');
    assertShows(await inboxRow(page, 'londo').textContent(), text);
    await screenshot(page, 'new-conversation');
    await page.context().close();
  });

  test('bayko, in a second browser context, sees andrewbrown\'s message arrive in the inbox and the open '
    + 'conversation without a reload', async () => {
    const bayko = await newPage();
    await signIn(bayko, 'bayko');
    assert.equal((await inboxHandles(bayko))[0], '@londo', 'londo\'s conversation is on top before');
    await openConversationWith(bayko, 'andrewbrown');
    await markPage(bayko);

    const andrew = await newPage();
    await signIn(andrew, 'andrewbrown');
    await openConversationWith(andrew, 'bayko');
    const text = unique('Are you free tonight?');
    await andrew.getByRole('textbox', { name: /Message/ }).fill(text);
    await andrew.getByRole('textbox', { name: /Message/ }).press('Enter');
    await messagesWithText(andrew, text).waitFor();

    await until('the message appears in bayko\'s open conversation', async () =>
      (await messagesWithText(bayko, text).count()) === 1);
    assert.equal((await shownTexts(bayko)).at(-1), text);
    await until('the conversation moves to the top of bayko\'s inbox', async () =>
      (await inboxHandles(bayko))[0] === '@andrewbrown');
    assertShows(await inboxRow(bayko, 'andrewbrown').textContent(), text);
    assert.match(await inboxRow(bayko, 'andrewbrown').locator('time').textContent(), /just now/);
    assert.ok(await stillSamePage(bayko), 'bayko\'s page was not reloaded');
    await screenshot(bayko, 'live-in-second-context');
    assert.deepEqual(bayko.problems, []);
    await andrew.context().close();
    await bayko.context().close();
  });

  test('after a dropped connection the page resumes from its last event and shows what was sent meanwhile',
    async () => {
      // The browser reaches the service through a TCP proxy of the test, which can cut every connection, as a network
      // does, and refuse new ones for a while.
      const proxy = await tcpProxy(new URL(BASE));
      try {
        const andrewToken = await tokenOf('andrewbrown');
        const bayko = await newPage();
        await signIn(bayko, 'bayko', proxy.url);
        await openConversationWith(bayko, 'andrewbrown');
        await markPage(bayko);
        const group = await bayko.locator('#groups .group[aria-current="true"]').getAttribute('data-uuid');
        const say = async (message) => {
          const sent = await api('POST', '/api/messages', { token: andrewToken, body: { message_group_uuid: group, message } });
          assert.equal(sent.status, 200);
        };
        const before = unique('Before the tunnel');
        await say(before);
        await until('a live message arrives first', async () => (await messagesWithText(bayko, before).count()) === 1);

        proxy.cut({ refuse: true });
        await until('the page says the live updates are interrupted', async () =>
          (await bayko.getByRole('status').textContent()).includes('reconnecting'));
        const meanwhile = unique('Sent while you were in the tunnel');
        await say(meanwhile);
        proxy.allow();

        await until('the message sent meanwhile appears', async () =>
          (await messagesWithText(bayko, meanwhile).count()) === 1, 60_000);
        await waitUntilLive(bayko);
        assert.equal(await messagesWithText(bayko, before).count(), 1, 'what came before is not shown twice');
        assert.equal((await shownTexts(bayko)).at(-1), meanwhile);
        assert.ok(proxy.connections() > 1, 'the page connected again');
        assert.ok(await stillSamePage(bayko), 'the page was not reloaded');
        await screenshot(bayko, 'resumed');
        await bayko.context().close();
      } finally {
        await proxy.close();
      }
    });

  test('andrewbrown starts a conversation with londo; an unknown handle shows "no such user"', async () => {
    const page = await newPage();
    await signIn(page, 'andrewbrown');
    const handle = page.getByLabel('Start a conversation with');
    await handle.fill('nosuchperson');
    await handle.press('Enter');
    const error = page.locator('#new-error');
    await error.waitFor();
    assert.match(await error.textContent(), /no such user/i);
    assert.match(await error.textContent(), /@nosuchperson/);
    await screenshot(page, 'no-such-user');

    await handle.fill('@londo');
    await page.getByRole('button', { name: 'Start' }).click();
    await until('the conversation with Londo is open', async () =>
      (await page.locator('#conversation-title').textContent()).includes('Londo Mollari'));
    assert.equal(await error.isVisible(), false, 'the error is gone');
    const text = unique('Londo, a word?');
    await page.getByRole('textbox', { name: /Message/ }).fill(text);
    await page.getByRole('textbox', { name: /Message/ }).press('Enter');
    await messagesWithText(page, text).waitFor();
    await until('londo is at the top of the inbox', async () => (await inboxHandles(page))[0] === '@londo');
    assert.equal((await inboxHandles(page)).filter((shown) => shown === '@londo').length, 1,
      'one conversation with londo, not a second one');
    await screenshot(page, 'conversation-with-londo');
    await page.context().close();
  });

  test('an over-long message shows the server\'s error and nothing is sent; a blank one too', async () => {
    const page = await newPage();
    await signIn(page, 'andrewbrown');
    await openConversationWith(page, 'bayko');
    const before = await shownTexts(page);
    const tooLong = 'x'.repeat(1025);
    const composer = page.getByRole('textbox', { name: /Message/ });
    await composer.fill(tooLong);
    assert.equal(await page.locator('#counter').textContent(), '1025 / 1024');
    assert.match(await page.locator('#counter').getAttribute('class'), /over/);
    await composer.press('Enter');
    const error = page.locator('#composer-error');
    await error.waitFor();
    assert.match(await error.textContent(), /at most 1024 characters/);
    assert.equal(await composer.inputValue(), tooLong, 'the text stays for the person to shorten');
    assert.deepEqual(await shownTexts(page), before, 'nothing new is shown');
    await screenshot(page, 'too-long');

    await composer.fill('   ');
    await composer.press('Enter');
    await until('the blank message error is shown', async () =>
      /must not be blank/.test(await error.textContent()));

    await page.reload();
    await openConversationWith(page, 'bayko');
    assert.equal(await messagesWithText(page, tooLong).count(), 0, 'after a reload: it was not stored');
    assert.deepEqual((await shownTexts(page)).slice(-3), before.slice(-3));
    await page.context().close();
  });

  test('an expired token returns to sign-in with a message', async () => {
    // The session's own expiry: the browser's clock runs past the token's lifetime (one hour).
    const page = await newPage();
    await page.clock.install();
    await signIn(page, 'andrewbrown');
    await page.clock.fastForward('01:00:05');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(await page.getByRole('alert').filter({ hasText: /expired/ }).textContent(),
      /session has expired/i);
    assert.equal(await page.locator('#app').isVisible(), false);
    await screenshot(page, 'expired-session');
    await page.context().close();

    // A token the server refuses (here: its expiry moved, so its signature no longer matches) does the same.
    const second = await newPage();
    await signIn(second, 'bayko');
    await second.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('cruddur.session'));
      const [header, payload, signature] = session.token.split('.');
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
      claims.exp = Math.floor(Date.now() / 1000) - 60;
      const changed = btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
      session.token = `${header}.${changed}.${signature}`;
      sessionStorage.setItem('cruddur.session', JSON.stringify(session));
    });
    await second.reload();
    await second.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(await second.locator('#sign-in-notice').textContent(), /session has expired/i);
    await second.context().close();
  });

  test('older messages load on demand in a conversation longer than one page, oldest to newest', async () => {
    const token = await tokenOf('andrewbrown');
    const groups = await api('GET', '/api/message_groups?limit=50', { token });
    const londo = groups.body.find((group) => group.handle === 'londo');
    const firstPage = await api('GET', `/api/messages/${londo.uuid}?limit=50`, { token });
    const oldest = firstPage.body[0].message;
    for (let i = 1; i <= 22; i += 1) {
      const sent = await api('POST', '/api/messages', {
        token, body: { message_group_uuid: londo.uuid, message: `Filler ${String(i).padStart(2, '0')}` },
      });
      assert.equal(sent.status, 200);
    }

    const page = await newPage();
    await signIn(page, 'andrewbrown');
    await openConversationWith(page, 'londo');
    assert.equal(await page.locator('#messages .message').count(), 20, 'one page of 20 messages at first');
    assert.equal(await messagesWithText(page, oldest).count(), 0, 'the oldest message is not shown yet');
    assert.equal((await shownTexts(page)).at(-1), 'Filler 22', 'the newest is last');
    const older = page.getByRole('button', { name: 'Older messages' });
    await older.click();
    await messagesWithText(page, oldest).first().waitFor();
    assert.equal(await older.isVisible(), false, 'no more older messages');
    const texts = await shownTexts(page);
    assert.equal(texts[0], oldest, 'the oldest message comes first');
    assert.equal(texts.at(-1), 'Filler 22');
    const times = await page.locator('#messages .message time').evaluateAll(
      (nodes) => nodes.map((node) => node.getAttribute('datetime')));
    assert.deepEqual(times, [...times].sort(), 'oldest to newest');
    assert.equal(new Set(texts.filter((shown) => shown.startsWith('Filler'))).size, 22, 'no message twice');
    await screenshot(page, 'older-messages');
    await page.context().close();
  });

  test('keyboard: sign in, Shift+Enter for a new line, Enter sends; focus is visible', async () => {
    const page = await newPage();
    await page.goto(BASE);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The first user (in handle order) has the focus; Tab moves to the next one, Shift+Tab back.
    await until('a user button has the focus', async () =>
      page.evaluate(() => document.activeElement?.classList.contains('user')));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.handle), 'bayko');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.handle), 'andrewbrown');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused button shows a focus outline');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    await waitUntilLive(page);

    await page.getByLabel('Start a conversation with').focus();
    await page.keyboard.type('bayko');
    await page.keyboard.press('Enter');
    await until('the conversation with bayko is open', async () =>
      (await page.locator('#conversation-title').textContent()).includes('@bayko'));
    await until('the composer has the focus', async () =>
      page.evaluate(() => document.activeElement?.id === 'message-text'));
    const first = unique('line one');
    await page.keyboard.type(first);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('line two');
    assert.equal(await page.locator('#messages .message .text').filter({ hasText: first }).count(), 0,
      'Shift+Enter does not send');
    await page.keyboard.press('Enter');
    const shown = messagesWithText(page, first);
    await shown.waitFor();
    assert.equal(await shown.innerText(), `${first}\nline two`, 'shown on two lines');
    await screenshot(page, 'keyboard');
    await page.context().close();
  });

  test('on a phone-sized screen the inbox and a conversation take the screen in turn', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, 'bayko');
    assert.equal(await page.locator('#conversation').isVisible(), false);
    await screenshot(page, 'phone-inbox');
    await inboxRow(page, 'andrewbrown').tap();
    await page.getByRole('link', { name: /Back/ }).waitFor();
    assert.equal(await page.locator('#inbox').isVisible(), false, 'the conversation has the screen');
    assert.ok(await page.getByRole('textbox', { name: /Message/ }).isVisible());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `nothing wider than the screen (${overflow} px over)`);
    await screenshot(page, 'phone-conversation');
    await page.getByRole('link', { name: /Back/ }).tap();
    await page.locator('#inbox').waitFor();
    await page.context().close();
  });

  test('messages from bayko show as an unread badge with their count; opening the conversation clears it for good',
    async () => {
      const andrewToken = await tokenOf('andrewbrown');
      const baykoToken = await tokenOf('bayko');
      // Earlier tests leave the conversation read or not: it starts read, so the count is exactly what bayko sends.
      const groups = await api('GET', '/api/message_groups?limit=20', { token: andrewToken });
      const group = groups.body.find((row) => row.handle === 'bayko');
      assert.ok(group, `andrewbrown has a conversation with bayko: ${JSON.stringify(groups.body)}`);
      const listed = await api('GET', `/api/messages/${group.uuid}?limit=20`, { token: andrewToken });
      const newest = listed.body.at(-1);
      const read = await api('POST', `/api/message_groups/${group.uuid}/read`,
        { token: andrewToken, body: { uuid: newest.uuid, created_at: newest.created_at } });
      assert.equal(read.status, 200, JSON.stringify(read.body));
      for (const text of ['Are you there?', 'The ship leaves at six.', 'Bring the charts.']) {
        const sent = await api('POST', '/api/messages',
          { token: baykoToken, body: { message_group_uuid: group.uuid, message: unique(text) } });
        assert.equal(sent.status, 200, JSON.stringify(sent.body));
      }

      const page = await newPage();
      await signIn(page, 'andrewbrown');
      const row = inboxRow(page, 'bayko');
      await row.waitFor();
      assert.equal(await row.locator('.unread [aria-hidden="true"]').textContent(), '3', 'the badge shows 3');
      await page.getByRole('link', { name: /@bayko\b.*3 unread messages/ }).waitFor();
      // The inbox may be drawn again at any moment (a live event, the stream opening): a row read while it is
      // replaced has no style, so the weight is read until it is there.
      await until('the unread row is bold', async () => (await lastLineWeight(row)) === '700');
      await screenshot(page, 'unread-badge');

      await openConversationWith(page, 'bayko');
      await until('the badge is gone once the conversation is open', async () =>
        (await row.locator('.unread').count()) === 0);
      assert.equal(await page.getByRole('link', { name: /unread message/ }).count(), 0);

      // A reload of the inbox alone (not of the conversation, which would mark it read again): the inbox is read
      // afresh, with the count the server keeps.
      await page.evaluate(() => history.replaceState(null, '', '#/'));
      await page.reload();
      await waitUntilLive(page);
      await row.waitFor();
      assert.equal(await row.locator('.unread').count(), 0, 'no badge after a reload: the read was recorded');
      await until('the read row is not bold', async () => (await lastLineWeight(row)) === '400');
      await screenshot(page, 'unread-cleared');
      assert.deepEqual(page.problems, []);
      await page.context().close();
    });
  test('andrewbrown edits and then deletes his message; bayko sees "edited" and then "message deleted" live',
    async () => {
      const bayko = await newPage();
      await signIn(bayko, 'bayko');
      await openConversationWith(bayko, 'andrewbrown');
      await markPage(bayko);
      const andrew = await newPage();
      await signIn(andrew, 'andrewbrown');
      await openConversationWith(andrew, 'bayko');
      const text = unique('See you at nine');
      await andrew.getByRole('textbox', { name: /Message/ }).fill(text);
      await andrew.getByRole('textbox', { name: /Message/ }).press('Enter');
      await messagesWithText(andrew, text).waitFor();
      await until('the message reaches bayko', async () => (await messagesWithText(bayko, text).count()) === 1);
      assert.equal(await bayko.locator('#messages .message').filter({ hasText: text })
        .getByRole('button', { name: 'Edit message' }).count(), 0, 'bayko cannot edit andrewbrown\'s message');

      const mine = andrew.locator('#messages .message.mine').filter({ hasText: text });
      await mine.getByRole('button', { name: 'Edit message' }).click();
      const edited = unique('See you at ten');
      await andrew.getByRole('textbox', { name: 'New text of the message' }).fill(edited);
      await andrew.getByRole('button', { name: 'Save' }).click();
      await messagesWithText(andrew, edited).waitFor();
      const editedMine = andrew.locator('#messages .message.mine').filter({ hasText: edited });
      assert.equal(await editedMine.locator('.edited').textContent(), 'edited');
      await until('bayko sees the new text marked edited, without a reload', async () =>
        (await bayko.locator('#messages .message').filter({ hasText: edited }).locator('.edited').count()) === 1);
      assert.equal(await messagesWithText(bayko, text).count(), 0, 'the old text is gone');
      await until('bayko\'s inbox row shows the new text', async () =>
        (await inboxRow(bayko, 'andrewbrown').textContent()).includes(edited));
      await screenshot(bayko, 'edited-live');

      andrew.once('dialog', (dialog) => dialog.accept());
      await editedMine.getByRole('button', { name: 'Delete message' }).click();
      await until('andrewbrown sees the tombstone', async () =>
        (await andrew.locator('#messages .message.deleted').filter({ hasText: 'message deleted' }).count()) >= 1
        && (await messagesWithText(andrew, edited).count()) === 0);
      await until('bayko sees "message deleted" in its place, without a reload', async () =>
        (await messagesWithText(bayko, edited).count()) === 0
        && (await shownTexts(bayko)).at(-1) === 'message deleted');
      assert.ok(!(await inboxRow(bayko, 'andrewbrown').textContent()).includes(edited), 'the inbox row lost the text');
      assert.ok(await stillSamePage(bayko), 'bayko\'s page was not reloaded');
      await screenshot(bayko, 'deleted-live');
      assert.deepEqual(andrew.problems, []);
      assert.deepEqual(bayko.problems, []);
      await andrew.context().close();
      await bayko.context().close();
    });
});
