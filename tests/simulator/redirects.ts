/**
 * The `redirects` knob: a console (or whatever answers at its address: a proxy, a moved tenant, a
 * hijacked name) that answers an API path with a 3xx to another origin. The client must not follow
 * it, so the handler does not run: nothing is committed, as a real redirect commits nothing.
 */
import type { Reply } from './errors';

export interface RedirectRule {
  /** Substring of the request path, e.g. 'threat-intelligence/iocs'. */
  path: string;
  method?: string;
  status: 301 | 302 | 303 | 307 | 308;
  /** The origin sent to, e.g. https://elsewhere.example:8443; the request's path and query follow it. */
  to: string;
}

/** The redirect for this request, or null when no rule matches. */
export function redirectReply(
  rules: readonly RedirectRule[],
  method: string,
  target: string,
  path: string,
): Reply | null {
  const rule = rules.find(
    (r) => path.includes(r.path) && (!r.method || r.method.toUpperCase() === method.toUpperCase()),
  );
  if (!rule) return null;
  return { status: rule.status, headers: { Location: new URL(target, rule.to).href }, raw: '' };
}
