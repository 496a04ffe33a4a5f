import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh when-idle module (its hold is per page), with idle callbacks run when `idle()` is called. */
async function page() {
  vi.resetModules();
  const queued: (() => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (work: () => void) => queued.push(work));
  vi.stubGlobal('cancelIdleCallback', (handle: number) => {
    queued[handle - 1] = () => undefined;
  });
  const idle = () => {
    for (const work of queued.splice(0)) work();
  };
  return { ...(await import('../../../components/page/when-idle')), idle };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('whenIdle', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['runs at the next idle time on a page that holds nothing', false, false, ['work']],
    ['waits for a held page to release it', true, false, []],
    ['runs at the idle time after the release', true, true, ['work']],
  ])('%s', async (_name, hold, release, expected) => {
    const { whenIdle, holdIdleWork, idle } = await page();
    let open: () => void = () => undefined;
    if (hold) holdIdleWork(new Promise<void>((resolve) => (open = resolve)));
    const ran: string[] = [];
    whenIdle(() => ran.push('work'));
    if (release) open();
    await flush();
    idle();
    expect(ran).toEqual(expected);
  });

  it('never runs work cancelled while held', async () => {
    const { whenIdle, holdIdleWork, idle } = await page();
    let open: () => void = () => undefined;
    holdIdleWork(new Promise<void>((resolve) => (open = resolve)));
    const ran: string[] = [];
    const cancel = whenIdle(() => ran.push('work'));
    cancel();
    open();
    await flush();
    idle();
    expect(ran).toEqual([]);
  });
});
