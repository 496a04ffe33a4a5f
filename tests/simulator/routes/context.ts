/** What every route handler receives, and the body-parsing outcome it must check. */
import type { SimUser } from '../auth';
import type { Reply } from '../errors';
import type { SimState } from '../state';

export const BAD_JSON: unique symbol = Symbol('bad-json');

export interface RouteContext {
  state: SimState;
  method: string;
  path: string;
  /** Captures of the route pattern, e.g. the id of accounts/{id}. */
  params: string[];
  query: URLSearchParams;
  /** Parsed JSON body; BAD_JSON when it did not parse; undefined when empty. */
  body: unknown;
  /** The authenticated user (routes with auth only). */
  user: SimUser | null;
  remote: string;
}

export type RouteHandler = (ctx: RouteContext) => Reply;

export interface Route {
  method: string;
  pattern: RegExp;
  /** false only for system/status and the control routes. */
  auth: boolean;
  handler: RouteHandler;
}

/** The body as an object, or null when it is missing, not JSON, or not an object. */
export function objectBody(ctx: RouteContext): Record<string, unknown> | null {
  return asObject(ctx.body);
}

/** `v` as a plain JSON object, or null (missing, a list, a scalar). */
export const asObject = (v: unknown): Record<string, unknown> | null =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
