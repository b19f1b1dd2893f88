// The API of Cruddur Messaging, as the UI calls it: the bearer token on every call, problem+json errors turned into
// ApiError with the server's own detail, paging by the Link header's rel="next".

/** An error the person can be shown: {@code detail} is the server's text (or ours when it could not be reached). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `the service answered ${status}`);
    this.status = status;
    this.codes = Array.isArray(problem?.errors) ? problem.errors : [];
  }
}

export const UNREACHABLE = 'The service cannot be reached. Check your connection and try again.';

/** The target of {@code Link: <...>; rel="next"}, or null. */
export function nextLink(header) {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = part.match(/<([^>]*)>\s*;\s*rel="?next"?/);
    if (match) return match[1];
  }
  return null;
}

/**
 * {@code getToken()} gives the current access token (or null); {@code onUnauthorized()} is called when the server
 * refuses it (401), and the call then fails too.
 */
export function createApi({ getToken, onUnauthorized }) {
  async function call(method, url, { body, headers = {} } = {}) {
    const sent = { Accept: 'application/json, application/problem+json', ...headers };
    const token = getToken();
    if (token) sent.Authorization = `Bearer ${token}`;
    if (body !== undefined) sent['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(url, {
        method, headers: sent, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (networkError) {
      throw new ApiError(0, { detail: UNREACHABLE });
    }
    const text = await response.text().catch(() => '');
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }
    if (response.status === 401 && token) {
      onUnauthorized();
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return { data, next: nextLink(response.headers.get('Link')) };
  }

  return {
    /** The embedded default's users who can sign in: [{handle, display_name}]. */
    devUsers: () => call('GET', '/dev/users').then((r) => r.data),
    /** A development token: {access_token, expires_in}. */
    devToken: (handle) => call('POST', '/dev/token', { body: { handle } }).then((r) => r.data),
    /** Pattern B, newest first; {@code url} is a previous page's next link. */
    messageGroups: (url = '/api/message_groups?limit=20') => call('GET', url),
    /** Pattern A: a page oldest to newest, the newest page first; {@code url} a previous page's next link. */
    messages: (groupUuid, url) => call('GET', url || `/api/messages/${encodeURIComponent(groupUuid)}?limit=20`),
    /** Patterns C ({message_group_uuid}) and D ({handle}); the key makes a retry store nothing new. */
    send: (target, message, idempotencyKey) => call('POST', '/api/messages', {
      body: { message, ...target }, headers: { 'Idempotency-Key': idempotencyKey },
    }).then((r) => r.data),
    /** Marks read up to {@code message} ({uuid, created_at} as pattern A listed it); answers the caller's row. */
    markRead: (groupUuid, message) => call('POST', `/api/message_groups/${encodeURIComponent(groupUuid)}/read`, {
      body: { uuid: message.uuid, created_at: message.created_at },
    }).then((r) => r.data),
    /** A new text for one of the caller's messages (within the edit window): the message as A now lists it. */
    editMessage: (groupUuid, messageUuid, message) => call('PATCH',
      `/api/messages/${encodeURIComponent(groupUuid)}/${encodeURIComponent(messageUuid)}`, { body: { message } })
      .then((r) => r.data),
    /** Deletes one of the caller's messages: a tombstone stays in its place. */
    deleteMessage: (groupUuid, messageUuid) => call('DELETE',
      `/api/messages/${encodeURIComponent(groupUuid)}/${encodeURIComponent(messageUuid)}`),
    /** Pattern D's look-up: {uuid, handle, display_name}. */
    userShort: (handle) => call('GET', `/api/users/@${encodeURIComponent(handle)}/short`).then((r) => r.data),
  };
}
