// Times as a person reads them. The API gives instants with an offset (2026-12-02T13:05:09.123456+00:00); every
// difference is taken between instants, and calendar words ("yesterday", "2 Dec") in the browser's own time zone,
// so the result is right wherever the reader is. Nothing here depends on the time zone of the server.

/** The instant of an API time, or null. JavaScript's Date takes at most milliseconds: the rest is cut off. */
export function parseTime(text) {
  if (typeof text !== 'string') return null;
  const trimmed = text.replace(/(\.\d{3})\d+/, '$1');
  const millis = Date.parse(trimmed);
  return Number.isNaN(millis) ? null : new Date(millis);
}

/** The calendar day of an instant in time zone {@code timeZone} (undefined: the browser's), as "yyyy-mm-dd". */
function dayKey(date, timeZone) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date);
  const get = (type) => parts.find((part) => part.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days between two "yyyy-mm-dd" days (b minus a). */
function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * A short relative time for lists: "just now", "5 min ago", "3 h ago", "yesterday", the weekday within a week,
 * "2 Dec" within the year, "2 Dec 2025" before. {@code now} and {@code timeZone} are for tests.
 */
export function relativeTime(date, now = new Date(), { timeZone, locale = 'en-GB' } = {}) {
  if (!date) return '';
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 45 * 60) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  const days = daysBetween(dayKey(date, timeZone), dayKey(now, timeZone));
  if (days <= 0 || seconds < 6 * 3600) {
    return `${Math.max(1, Math.round(seconds / 3600))} h ago`;
  }
  if (days === 1) return 'yesterday';
  if (days < 7) return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(date);
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone, day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** The full local date and time, for a tooltip: "Wednesday, 2 December 2026 at 14:05". */
export function fullTime(date, { timeZone, locale = 'en-GB' } = {}) {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, {
    timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

/** The local time of day, "14:05", for a message under its day's heading. */
export function clockTime(date, { timeZone, locale = 'en-GB' } = {}) {
  if (!date) return '';
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A heading for the messages of one day: "Today", "Yesterday", or the date. */
export function dayHeading(date, now = new Date(), { timeZone, locale = 'en-GB' } = {}) {
  const days = daysBetween(dayKey(date, timeZone), dayKey(now, timeZone));
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  const sameYear = dayKey(date, timeZone).slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale, {
    timeZone, weekday: 'long', day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }),
  }).format(date);
}

/** The key that puts two instants on the same day heading (in the browser's zone unless given). */
export function sameDay(a, b, { timeZone } = {}) {
  return dayKey(a, timeZone) === dayKey(b, timeZone);
}
