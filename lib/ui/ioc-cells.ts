/**
 * What one cell of the IOC grid shows, decided without the DOM: its text, the title that lets a cut
 * cell be read whole, the accessible name when the text alone says nothing ("—"), and its tone.
 * Only the rendered rows (~30) call this, so it may allocate.
 */
import type { IocType } from '../../config/ioc-types';
import { displayText } from '../iocs/display-text';
import { describeAge, describeExpiry, exactUtcOf } from '../iocs/expiry';
import type { IocColumnId } from '../iocs/ioc-index';
import { isRichKey, type RichKey, richFieldText } from '../iocs/rich-fields';
import type { Tenant } from '../iocs/tenants';
import type { Ioc } from '../s1/schemas';
import { type Tone, toneOf } from './tones';

export interface IocCell {
  text: string;
  /** The whole value, for a cell the column cuts; undefined when there is nothing more to read. */
  title?: string;
  /** The cell's accessible name when its text is a placeholder (a dash reads as nothing). */
  label?: string;
  /** `expiry-soon` and the like, kept for tools that read the grid. */
  stateClass?: string;
  tone?: Tone;
}

/** The longest title: a 100 KB description must not become a 100 KB tooltip. */
export const TITLE_MAX = 2000;

/** What a cell shows for a field the IOC does not have. */
export const NO_VALUE = '—';

/** The title of a text cell: the text spelled out (displayText) and capped; none for an empty cell. */
export function titleOf(text: string): string | undefined {
  if (text === '') return undefined;
  return displayText(text, TITLE_MAX);
}

/** The Score column: the number, or a dash named "no score" (the console's IOCs often have none). */
export function scoreCell(score: number | null | undefined): IocCell {
  if (score == null || !Number.isFinite(score))
    return { text: NO_VALUE, label: 'no score', title: 'No score', tone: 'muted' };
  return { text: String(score) };
}

export type TypeFamily = 'host' | 'address' | 'hash' | 'url' | 'other';

export interface TypeChip {
  /** The console's own name of the type, so the chip reads as the Type filter and the console do. */
  label: string;
  /** What the type is, for the chip's title. */
  title: string;
  /** Chips of one family share a look: the eye groups addresses, hosts and hashes. */
  family: TypeFamily;
}

const CHIPS: Readonly<Record<IocType, TypeChip>> = {
  DNS: { label: 'DNS', title: 'Domain or host name', family: 'host' },
  URL: { label: 'URL', title: 'URL', family: 'url' },
  IPV4: { label: 'IPV4', title: 'IPv4 address', family: 'address' },
  IPV6: { label: 'IPV6', title: 'IPv6 address', family: 'address' },
  MD5: { label: 'MD5', title: 'MD5 file hash', family: 'hash' },
  SHA1: { label: 'SHA1', title: 'SHA-1 file hash', family: 'hash' },
  SHA256: { label: 'SHA256', title: 'SHA-256 file hash', family: 'hash' },
};

/** The chip of an IOC type; a type this version does not know is shown as it came, in no family. */
export function typeChip(type: string): TypeChip {
  return (
    CHIPS[type as IocType] ?? { label: displayText(type, 16), title: displayText(type, 200), family: 'other' }
  );
}

/**
 * An optional context column: the field as one line ("APT28, Sofacy", "4 (High)"), spelled out like
 * every console text; empty like the other text cells when the IOC has none.
 */
export function richCell(ioc: Ioc, key: RichKey): IocCell {
  const text = richFieldText(ioc, key);
  return { text: displayText(text), title: titleOf(text) };
}

/** One cell of `ioc`'s row at time `now` (relative dates are counted from it). */
export function iocCell(ioc: Ioc, id: IocColumnId | RichKey, now: number): IocCell {
  if (isRichKey(id)) return richCell(ioc, id);
  switch (id) {
    case 'validUntil': {
      const expiry = describeExpiry(ioc.validUntil, now);
      return {
        text: expiry.text,
        title: expiry.exactUtc ?? (expiry.text === 'never' ? 'Never expires' : titleOf(expiry.text)),
        stateClass: `expiry-${expiry.state}`,
        tone: toneOf('expiry', expiry.state),
      };
    }
    case 'updatedAt':
      return { text: describeAge(ioc.updatedAt, now), title: exactUtcOf(ioc.updatedAt) ?? ioc.updatedAt };
    case 'score':
      return scoreCell(ioc.originalRiskScore);
    case 'type': {
      const chip = typeChip(ioc.type);
      return { text: chip.label, title: chip.title };
    }
    default: {
      const text = ioc[id] ?? '';
      // Spelled out: an RTL override or a zero-width space in console data must not change what is read.
      return { text: displayText(text), title: titleOf(text) };
    }
  }
}

/** The Tenant column across profiles: the profile's label, spelled out (the analyst typed it). */
export function tenantCell(tenant: Tenant | undefined): IocCell {
  if (!tenant) return { text: NO_VALUE, label: 'unknown tenant' };
  return { text: displayText(tenant.label), title: titleOf(tenant.label) };
}
