/**
 * The rate gate as pure logic: holds are recorded by an injected sleep that the test releases, so no
 * test waits for time to pass.
 */
import { describe, expect, it } from 'vitest';
import { createRateGate, type GateTicket, jittered } from '../../../lib/s1/rate-gate';

/** A sleep whose holds the test ends with `release()`; `holds` lists what was asked, in ms. */
function manualSleep() {
  const holds: number[] = [];
  const pending: Array<() => void> = [];
  return {
    holds,
    sleep: (ms: number) => {
      holds.push(ms);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    release: async () => {
      for (const resolve of pending.splice(0)) resolve();
      await flush();
    },
  };
}

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function gateOf(maxInFlight: number, random = 0) {
  const clock = manualSleep();
  const slowDowns: boolean[] = [];
  const gate = createRateGate({
    maxInFlight,
    sleep: clock.sleep,
    random: () => random,
    onSlowDown: (slowed) => slowDowns.push(slowed),
  });
  return { gate, clock, slowDowns };
}

/** Acquires a ticket, releasing holds until the gate lets it through. */
async function ticketOf(gate: ReturnType<typeof gateOf>): Promise<GateTicket> {
  const ticket = gate.gate.acquire();
  let got: GateTicket | undefined;
  void ticket.then((t) => {
    got = t;
  });
  await flush();
  while (!got) await gate.clock.release();
  return got;
}

describe('jittered', () => {
  it.each([
    [2000, 0, 2000],
    [2000, 1, 2200],
    [60_000, 0.5, 63_000],
  ])('%i ms with random %d waits %i ms', (base, random, expected) => {
    expect(jittered(base, () => random)).toBe(expected);
  });
});

describe('createRateGate', () => {
  it.each([
    [7, [3, 1, 1, 1]],
    [8, [4, 2, 1, 1]],
    [1, [1, 1]],
  ])('with at most %i in flight, each episode of 429s halves the limit: %j', async (max, expected) => {
    const g = gateOf(max);
    const limits = [];
    for (const _ of expected) {
      g.gate.refused(await ticketOf(g));
      limits.push(g.gate.limit());
    }
    expect(limits).toEqual(expected);
  });

  it.each<[string, number, Array<number | undefined>, number[]]>([
    [
      'doubles from 2 s to 60 s while the console keeps refusing',
      0,
      [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
      [2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000],
    ],
    ['adds up to a tenth as jitter', 1, [undefined, undefined], [2200, 4400]],
    ['waits the Retry-After when given', 1, [5000, 1000], [5000, 1000]],
    ['caps a Retry-After at a minute', 0, [3_600_000], [60_000]],
    ['resumes the doubling after a Retry-After', 0, [undefined, 5000, undefined], [2000, 5000, 4000]],
  ])('holds: %s', async (_, random, retryAfters, expected) => {
    const g = gateOf(7, random);
    for (const retryAfterMs of retryAfters) g.gate.refused(await ticketOf(g), retryAfterMs);
    expect(g.clock.holds).toEqual(expected);
    expect(g.gate.heldMs()).toBe(expected.reduce((a, b) => a + b, 0));
  });

  it('counts the 429s of requests sent before the first as one episode: one halving, one hold', async () => {
    const g = gateOf(7);
    const tickets = await Promise.all(Array.from({ length: 7 }, () => g.gate.acquire()));
    for (const ticket of tickets) g.gate.refused(ticket);
    expect(g.gate.limit()).toBe(3);
    expect(g.clock.holds).toEqual([2000]);
  });

  it('holds every new request until the hold has passed', async () => {
    const g = gateOf(7);
    g.gate.refused(await g.gate.acquire());
    let through = 0;
    for (let n = 0; n < 3; n++) void g.gate.acquire().then(() => through++);
    await flush();
    expect(through).toBe(0);
    await g.clock.release();
    expect(through).toBe(3);
  });

  it('keeps a request that waited for a slot behind a hold that began meanwhile', async () => {
    const g = gateOf(1);
    const first = await g.gate.acquire();
    let through = false;
    void g.gate.acquire().then(() => {
      through = true;
    });
    g.gate.refused(first);
    await flush();
    expect(through).toBe(false);
    await g.clock.release();
    expect(through).toBe(true);
  });

  it('lets at most the limit through, the next as each one settles', async () => {
    const g = gateOf(2);
    const order: number[] = [];
    const tickets = [0, 1, 2, 3].map((n) =>
      g.gate.acquire().then((ticket) => {
        order.push(n);
        return ticket;
      }),
    );
    await flush();
    expect(order).toEqual([0, 1]);
    g.gate.succeeded(await (tickets[0] as Promise<GateTicket>));
    await flush();
    expect(order).toEqual([0, 1, 2]);
    g.gate.released();
    await flush();
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('grows back by one after a run of successes as long as the limit, and says when it is back', async () => {
    const g = gateOf(4);
    g.gate.refused(await ticketOf(g));
    g.gate.refused(await ticketOf(g));
    expect(g.gate.limit()).toBe(1);
    const limits = [];
    for (let n = 0; n < 6; n++) {
      g.gate.succeeded(await ticketOf(g));
      limits.push(g.gate.limit());
    }
    expect(limits).toEqual([2, 2, 3, 3, 3, 4]);
    expect(g.slowDowns).toEqual([true, false]);
  });

  it('starts the back-off again at 2 s after a success', async () => {
    const g = gateOf(7);
    g.gate.refused(await ticketOf(g));
    g.gate.refused(await ticketOf(g));
    g.gate.succeeded(await ticketOf(g));
    g.gate.refused(await ticketOf(g));
    expect(g.clock.holds).toEqual([2000, 4000, 2000]);
  });

  it('a success of a request sent before the 429 neither grows the limit nor ends the back-off', async () => {
    const g = gateOf(2);
    const [early, late] = await Promise.all([g.gate.acquire(), g.gate.acquire()]);
    g.gate.refused(late as GateTicket);
    g.gate.succeeded(early as GateTicket);
    expect(g.gate.limit()).toBe(1);
    g.gate.refused(await ticketOf(g));
    expect(g.clock.holds).toEqual([2000, 4000]);
    expect(g.slowDowns).toEqual([true]);
  });
});
