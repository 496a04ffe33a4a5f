/**
 * One indicator read from a threat-intel file (a STIX 2.1 bundle, a MISP event) before review: what
 * the source said about it, mapped onto the fields a SentinelOne IOC can hold
 * (docs/sentinelone-api.md, the IOC object). The importers (stix-import.ts, misp-import.ts) produce
 * these; the review turns the importable ones into drafts, ticked as `ticked` says.
 */
import type { IocType } from '../s1/schemas';

/** The context fields an IOC can carry, each a list as the console stores it. */
export interface IntelContext {
  name?: string;
  description?: string;
  /** UTC ISO-8601 with `Z`. */
  validUntil?: string;
  /** 0–7 as the console counts it (severity-words.ts says them). */
  severity?: number;
  labels?: string[];
  category?: string[];
  threatActors?: string[];
  malwareNames?: string[];
  campaignNames?: string[];
  intrusionSets?: string[];
  mitreTactic?: string[];
  externalId?: string;
  reference?: string[];
}

export interface IntelRow extends IntelContext {
  /** The value as the source wrote it (it may be defanged: the review refangs and validates it). */
  value: string;
  /** The SentinelOne type it maps to; null when the row is not importable. */
  type: IocType | null;
  /** Why the row cannot become an IOC (a compound or unsupported pattern, an attribute kind SentinelOne has no type for); absent when it can. */
  notImportable?: string;
  /** Whether the review starts with the row ticked (MISP `to_ids: false` rows start unticked). */
  ticked: boolean;
  /** Where in the file the row comes from, for the analyst: `indicator--…`, `attribute 12 of event "…"`. */
  origin: string;
  /** The STIX pattern the row was read from, shown for a row that is not importable. */
  pattern?: string;
  /** The source's confidence, 0–100, when it gave one. */
  confidence?: number;
}

/** A file that could not be read: where it broke, in words an analyst can find in the file. */
export interface IntelFileError {
  /** `objects[3].pattern`, `Event.Attribute[7].type`, `line 12`. */
  where: string;
  message: string;
}

export type IntelFileResult =
  | { ok: true; format: 'stix' | 'misp'; rows: IntelRow[]; title?: string }
  | { ok: false; errors: IntelFileError[] };
