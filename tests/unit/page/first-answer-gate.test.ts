import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CLOSED_GATE,
  createGate,
  type GateEvent,
  gateStep,
} from '../../../components/page/first-answer-gate';

const run = (events: readonly GateEvent[]) => events.reduce(gateStep, CLOSED_GATE);

describe('gateStep', () => {
  it.each<[string, GateEvent[], boolean]>([
    ['stays closed before anything happens', [], false],
    ['stays closed while a look-up is typed but not answered', ['typed'], false],
    ['opens on the first answer', ['typed', 'answered'], true],
    ['opens at the quiet moment when nothing is looked up', ['quiet'], true],
    ['waits past the quiet moment for a look-up under way', ['typed', 'quiet'], false],
    ['opens when that look-up answers after the quiet moment', ['typed', 'quiet', 'answered'], true],
    ['opens when the box is emptied after the quiet moment', ['typed', 'quiet', 'cleared'], true],
    ['waits for the quiet moment when the box is emptied before it', ['typed', 'cleared'], false],
    ['opens at the quiet moment after the box was emptied', ['typed', 'cleared', 'quiet'], true],
    ['opens at the cap even if no answer ever comes', ['typed', 'quiet', 'cap'], true],
    ['stays open once open, whatever follows', ['answered', 'typed', 'quiet'], true],
  ])('%s', (_name, events, open) => {
    expect(run(events).open).toBe(open);
  });
});

describe('createGate', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const settled = async (promise: Promise<void>) => {
    let done = false;
    void promise.then(() => {
      done = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('opens at the quiet moment when nothing was typed', async () => {
    vi.useFakeTimers();
    const gate = createGate(300, 2000);
    vi.advanceTimersByTime(299);
    expect(await settled(gate.opened)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(gate.opened)).toBe(true);
  });

  it('holds a typed look-up past the quiet moment until it answers', async () => {
    vi.useFakeTimers();
    const gate = createGate(300, 2000);
    gate.report('typed');
    vi.advanceTimersByTime(1000);
    expect(await settled(gate.opened)).toBe(false);
    gate.report('answered');
    expect(await settled(gate.opened)).toBe(true);
  });

  it('opens at the cap for an answer that never comes', async () => {
    vi.useFakeTimers();
    const gate = createGate(300, 2000);
    gate.report('typed');
    vi.advanceTimersByTime(2000);
    expect(await settled(gate.opened)).toBe(true);
  });
});
