// GET /api/events read with fetch and a stream reader, so the token goes in the Authorization header and never into
// a URL (EventSource cannot send headers). After a dropped connection it reconnects with Last-Event-ID, waiting
// longer each time (from the server's retry, at most 30 s, with jitter); the server then sends what was missed.

const MAX_WAIT_MS = 30_000;

/** Splits an event stream into events: {event, data, id}; comments (heartbeats) are dropped. */
export class EventStreamParser {
  constructor(onEvent, onRetry = () => {}) {
    this.onEvent = onEvent;
    this.onRetry = onRetry;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.event = '';
    this.data = [];
    this.id = null;
  }

  push(chunk) {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop();
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (line === '') {
      if (this.data.length > 0 || this.event) {
        this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value));
  }
}

/**
 * Opens the stream and keeps it open until {@code stop()}. {@code onEvent({event, data, id})} for each event,
 * {@code onState('connecting' | 'live' | 'reconnecting')}, {@code onOpen(resumed)} each time a connection is
 * answered, {@code onUnauthorized()} when the token is refused (it then stops).
 */
export function openLiveStream({ getToken, onEvent, onState = () => {}, onOpen = () => {}, onUnauthorized }) {
  let stopped = false;
  let controller = null;
  let lastEventId = null;
  let baseWait = 2000;
  let failures = 0;

  const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function readOnce() {
    controller = new AbortController();
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${getToken()}` };
    const resumed = lastEventId !== null;
    if (resumed) headers['Last-Event-ID'] = lastEventId;
    const response = await fetch('/api/events', { headers, cache: 'no-store', signal: controller.signal });
    if (response.status === 401) return 'unauthorized';
    if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
    failures = 0;
    onState('live');
    onOpen(resumed);
    const parser = new EventStreamParser((event) => {
      if (event.id) lastEventId = event.id;
      onEvent(event);
    }, (retry) => { baseWait = retry; });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return 'ended';
      parser.push(value);
    }
  }

  (async () => {
    onState('connecting');
    while (!stopped) {
      let outcome;
      try {
        outcome = await readOnce();
      } catch (dropped) {
        outcome = 'failed';
        failures += 1;
      }
      if (stopped) return;
      if (outcome === 'unauthorized') {
        stopped = true;
        onUnauthorized();
        return;
      }
      onState('reconnecting');
      const backoff = Math.min(MAX_WAIT_MS, baseWait * 2 ** Math.min(failures, 5));
      await wait(outcome === 'ended' ? Math.min(baseWait, 1000) : backoff * (0.5 + Math.random() / 2));
    }
  })();

  return {
    stop() {
      stopped = true;
      if (controller) controller.abort();
    },
    /** Drops the current connection, as a network would (the stream then resumes). */
    drop() {
      if (controller) controller.abort();
    },
  };
}
