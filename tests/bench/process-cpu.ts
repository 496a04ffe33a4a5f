/**
 * CPU time of the browser: every process Chromium runs (browser, renderers, GPU, network, storage
 * services) read from /proc, so that a figure counts the work the extension causes anywhere in the
 * browser, not only in the page that asked for it.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime + cutime + cstime, in clock ticks: a reaped child's time moves to its parent. */
  ticks: number;
}

/**
 * One line of /proc/<pid>/stat. The command name is in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted from the last `)`.
 */
export function parseProcStat(line: string): ProcStat | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open === -1 || close < open) return null;
  // After the name: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17).
  const fields = line.slice(close + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  const ticks = field(14) + field(15) + field(16) + field(17);
  if (!Number.isFinite(ticks)) return null;
  return {
    pid: Number(line.slice(0, open).trim()),
    ppid: field(4),
    comm: line.slice(open + 1, close),
    ticks,
  };
}

/**
 * The ticks of the Chromium processes under `parent`: its children named like Chromium and all of
 * their descendants (whatever they are called). Other children of `parent` (esbuild's service, say)
 * do not count.
 */
export function browserTicks(stats: readonly ProcStat[], parent: number): number {
  const children = new Map<number, ProcStat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let ticks = 0;
  const pending = (children.get(parent) ?? []).filter((stat) => /chrom/i.test(stat.comm));
  for (let stat = pending.pop(); stat; stat = pending.pop()) {
    ticks += stat.ticks;
    pending.push(...(children.get(stat.pid) ?? []));
  }
  return ticks;
}

/** Every process's stat now (a process gone between the listing and the read is skipped). */
function readAll(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) stats.push(stat);
    } catch {
      // Exited meanwhile.
    }
  }
  return stats;
}

/** Linux's USER_HZ, which every kernel exposes to user space as 100. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds the browsers this process launched have used so far (NaN where /proc is missing).
 * Read before and after a piece of work; the difference is the work's.
 */
export function browserCpuSeconds(): number {
  try {
    return browserTicks(readAll(), process.pid) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}
