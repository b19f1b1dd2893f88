// time.js, the UI's times, in several time zones: differences between instants, calendar words in the reader's zone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clockTime, dayHeading, fullTime, parseTime, relativeTime } from './cruddur-ui/time.js';

const at = (text) => parseTime(text);

test('API times with microseconds and an offset are read to the millisecond', () => {
  assert.equal(at('2026-12-02T13:05:09.123456+00:00').toISOString(), '2026-12-02T13:05:09.123Z');
  assert.equal(at('2026-12-02T13:05:09.123456+02:00').toISOString(), '2026-12-02T11:05:09.123Z');
  assert.equal(at('not a time'), null);
});

test('recent times are relative, whatever the zone', () => {
  const now = at('2026-12-02T13:00:00.000000+00:00');
  for (const timeZone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Kiritimati']) {
    assert.equal(relativeTime(at('2026-12-02T12:59:40.000000+00:00'), now, { timeZone }), 'just now');
    assert.equal(relativeTime(at('2026-12-02T12:55:00.000000+00:00'), now, { timeZone }), '5 min ago');
    assert.equal(relativeTime(at('2026-12-02T10:00:00.000000+00:00'), now, { timeZone }), '3 h ago');
  }
});

test('"yesterday" and dates follow the reader\'s calendar day', () => {
  const now = at('2026-12-02T10:00:00.000000+00:00');
  const early = at('2026-12-02T02:00:00.000000+00:00');
  // In UTC and in Tokyo both are on 2 December, 8 hours apart.
  assert.equal(relativeTime(early, now, { timeZone: 'UTC' }), '8 h ago');
  assert.equal(relativeTime(early, now, { timeZone: 'Asia/Tokyo' }), '8 h ago');
  // In Los Angeles it was 1 December 18:00 and now is 2 December 02:00.
  assert.equal(relativeTime(early, now, { timeZone: 'America/Los_Angeles' }), 'yesterday');
  // In Kiritimati (UTC+14) it was 2 December 16:00 and now is 3 December 00:00.
  assert.equal(relativeTime(early, now, { timeZone: 'Pacific/Kiritimati' }), 'yesterday');
});

test('older times show the right day and month (a December date says December)', () => {
  const now = at('2026-12-20T12:00:00.000000+00:00');
  assert.equal(relativeTime(at('2026-12-02T09:00:00.000000+00:00'), now, { timeZone: 'UTC' }), '2 Dec');
  assert.equal(relativeTime(at('2026-12-02T23:30:00.000000+00:00'), now, { timeZone: 'Asia/Tokyo' }), '3 Dec');
  assert.equal(relativeTime(at('2026-12-02T03:30:00.000000+00:00'), now, { timeZone: 'America/New_York' }), '1 Dec');
  assert.equal(relativeTime(at('2025-12-12T12:00:00.000000+00:00'), now, { timeZone: 'UTC' }), '12 Dec 2025');
  assert.equal(relativeTime(at('2026-12-17T12:00:00.000000+00:00'), now, { timeZone: 'UTC' }), 'Thursday');
});

test('day headings and full times are in the reader\'s zone', () => {
  const now = at('2026-12-02T10:00:00.000000+00:00');
  const date = at('2026-12-02T02:00:00.000000+00:00');
  assert.equal(dayHeading(date, now, { timeZone: 'UTC' }), 'Today');
  assert.equal(dayHeading(date, now, { timeZone: 'America/Los_Angeles' }), 'Yesterday');
  assert.equal(fullTime(date, { timeZone: 'Asia/Tokyo' }), 'Wednesday, 2 December 2026 at 11:00');
  assert.equal(clockTime(date, { timeZone: 'UTC' }), '02:00');
  assert.equal(clockTime(date, { timeZone: 'America/Los_Angeles' }), '18:00');
});
