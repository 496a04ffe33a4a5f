/**
 * The console a unit test file talks to: one in-process simulator over real HTTP for the file, reset
 * before each test, and API clients of it that retry without waiting (the back-off is the HTTP
 * layer's own test's business).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createS1Client, type S1Client } from '../../lib/s1/client';
import { createSimulator, type Simulator, type SimulatorOptions } from '../simulator';

export interface SimulatedConsole {
  sim: Simulator;
  /** The simulator's origin (set once the file's tests start). */
  origin(): string;
  /** A client of the default account with `apiToken` (the default user's unless given). */
  client(apiToken?: string, options?: { timeoutMs?: number }): S1Client;
}

export function useSimulatedConsole(options: SimulatorOptions = { iocs: 0 }): SimulatedConsole {
  const sim = createSimulator(options);
  let origin = '';
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const server = await sim.listen();
    origin = server.url;
    close = server.close;
  });
  afterAll(() => close());
  beforeEach(() => sim.reset());
  return {
    sim,
    origin: () => origin,
    client: (apiToken = sim.defaultToken, { timeoutMs = 5_000 } = {}) =>
      createS1Client(
        { consoleUrl: origin, apiToken, accountId: sim.defaultAccountId },
        { sleep: async () => undefined, timeoutMs },
      ),
  };
}
