/** Changes the IOCs on the simulator through the real client, as another console user would. */
import { createS1Client } from '../../../lib/s1/client';
import type { IocDraft } from '../../../lib/s1/schemas';
import type { Simulator } from '../../simulator';

function consoleUser(sim: Simulator, simPort: number) {
  // The simulator's certificate is self-signed; only this test process trusts it.
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  return createS1Client({
    consoleUrl: `https://127.0.0.1:${simPort}`,
    apiToken: sim.defaultToken,
    accountId: sim.defaultAccountId,
  });
}

export async function createOnConsole(sim: Simulator, simPort: number, drafts: IocDraft[]): Promise<void> {
  await consoleUser(sim, simPort).createIocs(drafts);
  sim.clearRequests();
}

export async function deleteOnConsole(sim: Simulator, simPort: number, uuids: string[]): Promise<void> {
  await consoleUser(sim, simPort).deleteIocs(uuids);
  sim.clearRequests();
}
