/**
 * The IOC's context fields (docs/sentinelone-api.md#the-ioc-object): each one sent on POST comes back
 * equal on the POST answer and on GET, an upsert that leaves it out keeps it, and a severity outside
 * 0-7 is refused with the console's per-item validation body.
 */
import { describe, expect, it } from 'vitest';
import { draft, IOCS, postBody, q, startSim } from './test-helpers';

const RICH_FIELDS: Array<[string, unknown]> = [
  ['severity', 0],
  ['severity', 7],
  ['labels', ['phishing', 'initial-access']],
  ['category', ['Malware', 'C2']],
  ['threatActors', ['APT29', 'Cozy Bear']],
  ['malwareNames', ['Cobalt Strike']],
  ['campaignNames', ['SolarWinds 2020']],
  ['mitreTactic', ['TA0001', 'TA0011']],
  ['intrusionSets', ['UNC2452']],
  ['externalId', 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'],
  ['reference', ['https://attack.mitre.org/groups/G0016/']],
];

describe('rich fields round-trip', () => {
  it.each(RICH_FIELDS)('%s %j: POST answer and GET return it', async (field, value) => {
    const h = await startSim({ iocs: 0 });
    const posted = await h.json(IOCS, { method: 'POST', json: postBody([draft({ [field]: value })]) });
    expect(posted.status).toBe(200);
    expect(posted.body.data[0][field]).toEqual(value);
    const got = await h.json(q({ accountIds: h.sim.defaultAccountId, value: 'bad.example.com' }));
    expect(got.body.data).toHaveLength(1);
    expect(got.body.data[0][field]).toEqual(value);
  });

  it('all of them at once, then an upsert without them keeps every one', async () => {
    const h = await startSim({ iocs: 0 });
    const all = Object.fromEntries(RICH_FIELDS.filter(([f, v]) => !(f === 'severity' && v === 0)));
    await h.json(IOCS, { method: 'POST', json: postBody([draft(all)]) });
    await h.json(IOCS, { method: 'POST', json: postBody([draft({ name: 'renamed' })]) });
    const got = (await h.json(q({ accountIds: h.sim.defaultAccountId }))).body.data;
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ ...all, name: 'renamed' });
  });
});

describe('severity outside 0-7 is a per-item validation error', () => {
  it.each<[unknown, string]>([
    [-1, '-1'],
    [8, '8'],
    [2.5, '2.5'],
    ['3', "'3'"],
    [true, 'true'],
  ])('severity %j', async (severity, shown) => {
    const h = await startSim({ iocs: 0 });
    const { status, body } = await h.json(IOCS, {
      method: 'POST',
      json: postBody([draft(), draft({ value: 'other.example.com', severity })]),
    });
    expect(status).toBe(400);
    expect(body).toEqual({
      errors: [
        {
          code: 4000010,
          title: 'Validation Error',
          detail: `data: 1: severity: Must be an integer between 0 and 7: ${shown}`,
        },
      ],
    });
    expect(h.sim.iocs()).toHaveLength(0);
  });
});
