/** Every body the simulator returns parses with the extension's zod schemas (lib/s1/schemas.ts). */
import { describe, expect, it } from 'vitest';
import {
  AccountsPageSchema,
  DeleteResponseSchema,
  ErrorBodySchema,
  IocCreateResponseSchema,
  IocPageSchema,
  IocSchema,
  SystemInfoResponseSchema,
  UserResponseSchema,
} from '../../lib/s1/schemas';
import { SIM_TOKENS } from '.';
import { ACCOUNT, draft, IOCS, postBody, q, startSim } from './test-helpers';

const API = '/web/api/v2.1';

describe('response shapes match lib/s1/schemas.ts', () => {
  it('IOC pages, countOnly, skipCount, create and delete responses', async () => {
    const h = await startSim({ iocs: 300, includeFixtureIocs: true });
    for (const params of [{ limit: 1000 }, { countOnly: 'true' }, { skipCount: 'true', limit: 5 }] as Array<
      Record<string, string | number>
    >) {
      const { body } = await h.json(q(params));
      IocPageSchema.parse(body);
    }
    for (const ioc of h.sim.iocs()) IocSchema.parse(ioc);
    const created = await h.json(IOCS, {
      method: 'POST',
      json: postBody([
        draft({ externalId: 'x', severity: 1, originalRiskScore: 5, creationTime: '2026-01-01T00:00:00Z' }),
      ]),
    });
    expect(IocCreateResponseSchema.parse(created.body).data).toHaveLength(1);
    const deleted = await h.json(IOCS, {
      method: 'DELETE',
      json: { filter: { accountIds: [ACCOUNT], externalId: 'x' } },
    });
    expect(DeleteResponseSchema.parse(deleted.body).data.affected).toBe(1);
  });

  it('user, accounts, system/info', async () => {
    const h = await startSim();
    UserResponseSchema.parse((await h.json(`${API}/user`)).body);
    UserResponseSchema.parse((await h.json(`${API}/user`, { token: SIM_TOKENS.multiAccount })).body);
    AccountsPageSchema.parse((await h.json(`${API}/accounts`, { token: SIM_TOKENS.multiAccount })).body);
    SystemInfoResponseSchema.parse((await h.json(`${API}/system/info`)).body);
  });

  it('every JSON error body', async () => {
    const h = await startSim({ maxIocsPerScope: 0 });
    const cases = [
      h.json(IOCS, { token: null }), // 401
      h.json(IOCS, { token: SIM_TOKENS.multiAccount }), // 403 multi
      h.json(IOCS, { token: SIM_TOKENS.noTi }), // 403 permission
      h.json(q({ cursor: 'bad' })), // 400 cursor
      h.json(q({ limit: 0 })), // 400 validation
      h.json(IOCS, { method: 'POST', json: { data: [draft()] } }), // 500
      h.json(IOCS, { method: 'POST', json: postBody([draft()]) }), // 400 cap
      h.json(`${API}/nope`), // 404
    ];
    const statuses: number[] = [];
    for (const c of cases) {
      const { status, body } = await c;
      statuses.push(status);
      ErrorBodySchema.parse(body);
    }
    expect(statuses).toEqual([401, 403, 403, 400, 400, 500, 400, 404]);
    h.sim.faults.add({ kind: 'status', status: 429, times: 1 });
    ErrorBodySchema.parse((await h.json(IOCS)).body);
  });
});
