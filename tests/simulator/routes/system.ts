/**
 * GET system/info and the unauthenticated GET system/status (docs/sentinelone-api.md#other-endpoints).
 * status is limited to
 * one answered call per second per client address, measured in real time (not the sim clock, which
 * may stand still); a refused call does not restart the window. Version strings are invented.
 */
import { type Reply, tooManyRequests } from '../errors';
import type { RouteContext } from './context';

export const SYSTEM_INFO = {
  release: 'Z SP4',
  version: '24.4.2',
  build: '91',
  patch: '2',
  latestAgentVersion: '24.2.3.471',
};

export function getSystemInfo(): Reply {
  return { status: 200, body: { data: { ...SYSTEM_INFO } } };
}

export function getSystemStatus(ctx: RouteContext): Reply {
  const now = Date.now();
  const last = ctx.state.statusCalls.get(ctx.remote);
  if (last !== undefined && now - last < 1000) return tooManyRequests(1);
  ctx.state.statusCalls.set(ctx.remote, now);
  return { status: 200, body: { data: { health: 'ok' } } };
}
