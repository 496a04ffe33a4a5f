/**
 * What a settings import would change, as rows the analyst reads before anything is saved: a file
 * can swap the console, the token and the account at once, and the token then goes to that console.
 * The token itself is never shown, only whether it is replaced. Text from the file is shown with its
 * hidden characters spelled out and cut short, as console text is: a file is outside input too.
 */
import { IOC_TYPES } from '../../config/ioc-types';
import { OS_LABELS } from '../../config/os-types';
import type { PivotTemplate } from '../../config/pivots';
import type { Settings } from '../../config/settings';
import { displayText } from '../iocs/display-text';
import { pivotTemplatesOf } from '../pivots/default-pivots';
import type { ProfileImport, ProfilesImportPlan } from './profiles-file-plan';

export interface ImportChange {
  label: string;
  before: string;
  after: string;
}

interface Options {
  /** The file asked for the quick path while it is off: an import never turns it on. */
  quickPathHeldOff?: boolean;
}

type Row = (current: Settings, next: Settings, options: Options) => ImportChange[];

/** Characters of one value shown, and entries of a list shown, before the rest is cut. */
const SHOWN_CHARS = 200;
const SHOWN_ENTRIES = 10;

const onOff = (value: boolean) => (value ? 'on' : 'off');
const shown = (value: string | undefined) => (value ? displayText(value, SHOWN_CHARS) : '(none)');

/** A setting read as text: a row when the two differ. */
const field =
  (label: string, read: (settings: Settings) => string): Row =>
  (current, next) => {
    const before = read(current);
    const after = read(next);
    return before === after ? [] : [{ label, before, after }];
  };

const token: Row = (current, next) => {
  const before = current.connection?.apiToken;
  const after = next.connection?.apiToken;
  if (before === after) return [];
  return [
    {
      label: 'API token',
      before: before ? 'the saved token' : '(none)',
      // A file of several profiles may connect one without its token: it asks for it after the import.
      after: after ? 'replaced by the file’s token' : next.connection ? NEEDS_TOKEN : '(none)',
    },
  ];
};

const NEEDS_TOKEN = '(none): enter it in Settings after the import';

const QUICK_PATH = 'Quick detect (one new IOC without the review)';
const quickPath: Row = (current, next, options) =>
  options.quickPathHeldOff
    ? [{ label: QUICK_PATH, before: 'off', after: 'stays off: turn it on yourself in Settings' }]
    : field(QUICK_PATH, (s) => onOff(s.quickBlockSingle))(current, next, options);

const neverBlock: Row = (current, next) => {
  const added = next.neverBlock.filter((entry) => !current.neverBlock.includes(entry));
  const removed = current.neverBlock.filter((entry) => !next.neverBlock.includes(entry));
  if (added.length === 0 && removed.length === 0) return [];
  const parts = [
    added.length > 0 ? `adds ${shortList(added)}` : '',
    removed.length > 0 ? `removes ${shortList(removed)}` : '',
  ].filter(Boolean);
  return [
    {
      label: 'Never block',
      before: entries(current.neverBlock.length),
      after: `${entries(next.neverBlock.length)}: ${parts.join('; ')}`,
    },
  ];
};

/** A link is told apart by its name and its URL: the same name may open another page per type. */
const pivots: Row = (current, next) => {
  const key = (t: PivotTemplate) => `${t.name} ${t.url}`;
  const before = pivotTemplatesOf(current).map(key);
  const after = pivotTemplatesOf(next).map(key);
  const added = after.filter((link) => !before.includes(link));
  const removed = before.filter((link) => !after.includes(link));
  if (added.length === 0 && removed.length === 0) return [];
  const parts = [
    added.length > 0 ? `adds ${shortList(added)}` : '',
    removed.length > 0 ? `removes ${shortList(removed)}` : '',
  ].filter(Boolean);
  return [
    {
      label: 'Open-in links',
      before: links(before.length),
      after: `${links(after.length)}: ${parts.join('; ')}`,
    },
  ];
};

const links = (n: number) => `${n} ${n === 1 ? 'link' : 'links'}`;

const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;

function shortList(list: readonly string[]): string {
  const first = list.slice(0, SHOWN_ENTRIES).map((entry) => displayText(entry, SHOWN_CHARS));
  return list.length > SHOWN_ENTRIES
    ? `${first.join(', ')} and ${list.length - SHOWN_ENTRIES} more`
    : first.join(', ');
}

/** In the order of the Settings screen. */
const ROWS: readonly Row[] = [
  field('Console URL', (s) => shown(s.connection?.consoleUrl)),
  token,
  field('Account', (s) =>
    s.connection
      ? s.connection.accountName
        ? `${shown(s.connection.accountName)} (${s.connection.accountId})`
        : s.connection.accountId
      : '(none)',
  ),
  field('Creator email', (s) => shown(s.connection?.creatorEmail)),
  field('Tag prefix', (s) => shown(s.connection?.tagPrefix)),
  ...IOC_TYPES.map((type) =>
    field(`Validity ${type} (days)`, (s) => String(s.iocDefaults.validityDays[type])),
  ),
  field('Default score', (s) => String(s.iocDefaults.score)),
  field('Source', (s) => shown(s.iocDefaults.source)),
  quickPath,
  field('Block execution by default', (s) => onOff(s.actionDefaults.blockExecution)),
  field(
    'Block execution on',
    (s) => s.actionDefaults.blockExecutionOs.map((os) => OS_LABELS[os]).join(', ') || '(no OS)',
  ),
  field('Block network by default', (s) => onOff(s.actionDefaults.blockNetwork)),
  neverBlock,
  pivots,
  field('Log level', (s) => s.logLevel),
  field('Sync every (minutes)', (s) => String(s.sync.intervalMinutes)),
  field('IOCs per page', (s) => String(s.sync.pageSize)),
  field('Parallel requests', (s) => String(s.sync.maxParallelRequests)),
];

/** The rows that differ between `current` and `next` (empty: the file changes nothing). */
export function describeImport(current: Settings, next: Settings, options: Options = {}): ImportChange[] {
  return ROWS.flatMap((row) => row(current, next, options));
}

/** One profile of a file of several: what the import does to it, before anything is saved. */
export interface ProfilePreview {
  label: string;
  /** Added by the import, or one of this browser's profiles updated (or left as it is). */
  isNew: boolean;
  changes: ImportChange[];
  /** Its console has no token, in the file or here: the profile asks for it after the import. */
  needsToken: boolean;
}

/** Each profile of the file in its order, and the profiles here that the file leaves alone. */
export function describeProfilesImport(plan: ProfilesImportPlan): {
  profiles: ProfilePreview[];
  untouched: string[];
} {
  return { profiles: plan.profiles.map(describeProfile), untouched: plan.untouched };
}

function describeProfile(planned: ProfileImport): ProfilePreview {
  const colour =
    planned.colourBefore === planned.colour
      ? []
      : [{ label: 'Colour', before: planned.colourBefore ?? '(none)', after: planned.colour }];
  return {
    label: displayText(planned.label, SHOWN_CHARS),
    isNew: planned.id === undefined,
    changes: [
      ...colour,
      ...describeImport(planned.current, planned.next, { quickPathHeldOff: planned.quickPathHeldOff }),
    ],
    needsToken: planned.needsToken,
  };
}
