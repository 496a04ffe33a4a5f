/**
 * Error bodies in the console's envelope `{"errors":[{code, detail, title}]}`
 * (docs/sentinelone-api.md#error-envelope-and-known-codes).
 * Where a real body exists it is served verbatim from the fixture file; the others are UNCONFIRMED
 * inventions that follow the "7 digits starting with the HTTP status" pattern.
 */
import { loadFixture } from './fixtures';

export interface ErrorItem {
  code: number;
  detail: string | null;
  title: string;
}
export interface ErrorBody {
  errors: ErrorItem[];
}
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw text instead of JSON (gateway pages, truncated bodies). */
  raw?: string;
}

export const errorBody = (code: number, title: string, detail: string | null): ErrorBody => ({
  errors: [{ code, detail, title }],
});

/** 401 / 4010010, fixture error-401.authentication-failed.json. */
export const authFailed = (): Reply => ({
  status: 401,
  body: loadFixture('error-401.authentication-failed.json'),
});
/**
 * 403 / 4030010 for users spanning several accounts, fixture error-403.multi-scope-user.json
 * (docs/sentinelone-api.md#base-path-and-authentication).
 */
export const multiScope = (): Reply => ({
  status: 403,
  body: loadFixture('error-403.multi-scope-user.json'),
});
/**
 * 500 / 5000010, fixture error-500.internal-server-error.json (also POST without accountIds,
 * docs/sentinelone-api.md#request-body-and-scope-filter).
 */
export const internalError = (): Reply => ({
  status: 500,
  body: loadFixture('error-500.internal-server-error.json'),
});
/**
 * 400 / 4000010 "Validation JSONError", fixture error-400.invalid-cursor.json
 * (docs/sentinelone-api.md#response-envelope-and-cursors).
 */
export const invalidCursor = (): Reply => ({
  status: 400,
  body: loadFixture('error-400.invalid-cursor.json'),
});

/** 400 / 4000010 "Validation Error" with the `<field>: <message>` detail style of the real sample. */
export const validationError = (detail: string): Reply => ({
  status: 400,
  body: errorBody(4000010, 'Validation Error', detail),
});

/**
 * Missing TI permission or an account outside the token. Code and title UNCONFIRMED
 * (docs/sentinelone-api.md#error-envelope-and-known-codes).
 */
export const forbidden = (detail: string | null = null): Reply => ({
  status: 403,
  body: errorBody(4030000, 'Insufficient permissions', detail),
});

/** Code and title UNCONFIRMED. */
export const notFound = (detail: string): Reply => ({
  status: 404,
  body: errorBody(4040000, 'Not Found', detail),
});

/**
 * Rate limited. Code 4290010 and title UNCONFIRMED; Retry-After was never seen live
 * (docs/sentinelone-api.md#error-envelope-and-known-codes).
 */
export const tooManyRequests = (retryAfter?: number): Reply => ({
  status: 429,
  body: errorBody(4290010, 'Too Many Requests', null),
  ...(retryAfter === undefined ? {} : { headers: { 'Retry-After': String(retryAfter) } }),
});

/**
 * Gateway errors are not JSON (body "may not be JSON", UNCONFIRMED:
 * docs/sentinelone-api.md#error-envelope-and-known-codes).
 */
export const gatewayPage = (status: 502 | 503): Reply => {
  const title = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
  return {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    raw: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
};

/** What a console's SSO redirect looks like to an API client: a 200 HTML login page. */
export const loginPage = (): Reply => ({
  status: 200,
  headers: { 'Content-Type': 'text/html; charset=utf-8' },
  raw: '<!DOCTYPE html><html><head><title>SentinelOne - Login</title></head><body><form id="login" method="post" action="/web/api/v2.1/users/login"><input name="username"><input name="password" type="password"><button>Sign in</button></form></body></html>',
});
