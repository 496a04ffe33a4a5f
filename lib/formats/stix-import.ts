/**
 * A STIX 2.1 file to review rows (intel-row.ts). docs/stix-import.md says what is read and why;
 * in short:
 * - the file is a bundle, a TAXII 2.1 envelope (`{"objects": […]}`), a bare list of STIX objects or
 *   one STIX object; places in it are named `objects[3].pattern`, `[3].pattern` and `pattern`;
 * - every `indicator` gives one row per IOC its pattern stands for (stix-pattern-iocs.ts), marked not
 *   importable when it is revoked or its valid_until is past; a pattern of another pattern_type or an
 *   unsupported one gives one row, not importable, with the pattern as its value;
 * - threat actors, malware, campaigns and intrusion sets come from `indicates` relationships between
 *   the indicator and them (either direction), then one `attributed-to` step further from those;
 * - STIX has no severity and OpenCTI's `x_opencti_score` has no documented mapping to SentinelOne's
 *   0-7, so severity is left for the analyst, except in the extension's own export, whose `x_s1_`
 *   properties (severity, category, MITRE tactics) are read back (docs/stix-export.md).
 * Anything malformed (not JSON, a shape zod refuses, a pattern that breaks the grammar) fails the
 * whole file with every place it broke, so nothing half-read is sent.
 */
import type { z } from 'zod';
import type { IntelContext, IntelFileError, IntelFileResult, IntelRow } from './intel-row';
import { parseJsonText } from './json-position';
import {
  BundleSchema,
  CONTEXT_TYPES,
  type ContextType,
  IndicatorSchema,
  NamedObjectSchema,
  RelationshipSchema,
  type StixIndicator,
  type StixNamedObject,
  StixObjectSchema,
  type StixRelationship,
  stixTime,
} from './stix-objects';
import { readStixPattern } from './stix-pattern-iocs';
import { issueText, jsonPath } from './zod-errors';

/** The objects of the file and the prefix that names their places, or why the file is no STIX. */
function objectsOf(value: unknown): { objects: unknown[]; prefix: string } | IntelFileError {
  if (Array.isArray(value)) return { objects: value, prefix: '' };
  if (typeof value !== 'object' || value === null) {
    return { where: 'the file', message: 'is not a STIX bundle, a list of STIX objects or one STIX object' };
  }
  const record = value as Record<string, unknown>;
  if (record.type === 'bundle') {
    const bundle = BundleSchema.safeParse(value, { reportInput: true });
    if (!bundle.success) {
      const [issue] = bundle.error.issues;
      return { where: jsonPath(issue?.path ?? []), message: issue ? issueText(issue) : '' };
    }
    return { objects: bundle.data.objects, prefix: 'objects' };
  }
  if (record.type === undefined && Array.isArray(record.objects))
    return { objects: record.objects, prefix: 'objects' };
  if (typeof record.type === 'string') return { objects: [value], prefix: '' };
  return { where: 'the file', message: 'is not a STIX bundle, a list of STIX objects or one STIX object' };
}

/** Where object `index` sits: `objects[3]`, `[3]`, or '' when the file is that one object. */
function placeOf(prefix: string, index: number, isList: boolean): string {
  return isList ? `${prefix}[${index}]` : '';
}

/**
 * The context objects by id and the two relationships followed, indexed so that a large bundle is not
 * rescanned per indicator: `indicates` by either end (to the other end), `attributed-to` by source.
 */
interface Graph {
  named: Map<string, StixNamedObject>;
  indicates: Map<string, string[]>;
  attributedTo: Map<string, string[]>;
}

function push(index: Map<string, string[]>, from: string, to: string): void {
  const list = index.get(from) ?? [];
  list.push(to);
  index.set(from, list);
}

function addLink(graph: Graph, link: StixRelationship): void {
  if (link.relationship_type === 'indicates') {
    push(graph.indicates, link.source_ref, link.target_ref);
    push(graph.indicates, link.target_ref, link.source_ref);
  } else if (link.relationship_type === 'attributed-to') {
    push(graph.attributedTo, link.source_ref, link.target_ref);
  }
}

const FIELD_OF: Readonly<Record<ContextType, keyof IntelContext>> = {
  'threat-actor': 'threatActors',
  malware: 'malwareNames',
  campaign: 'campaignNames',
  'intrusion-set': 'intrusionSets',
};

/** Names of the context objects an indicator indicates, then one attributed-to step on from them. */
function relatedContext(indicatorId: string, graph: Graph): IntelContext {
  const direct: StixNamedObject[] = [];
  const add = (list: StixNamedObject[], id: string) => {
    const object = graph.named.get(id);
    if (object && !list.includes(object)) list.push(object);
  };
  for (const id of graph.indicates.get(indicatorId) ?? []) add(direct, id);
  const all = [...direct];
  for (const object of direct) {
    for (const id of graph.attributedTo.get(object.id) ?? []) add(all, id);
  }
  const context: Record<string, string[]> = {};
  for (const object of all) {
    const field = FIELD_OF[object.type];
    const names = context[field] ?? [];
    if (!names.includes(object.name)) names.push(object.name);
    context[field] = names;
  }
  return context;
}

/** The kill chain names of MITRE ATT&CK (enterprise, mobile, ICS) whose phases are tactics. */
const MITRE_KILL_CHAIN = /^mitre-(?:[a-z]+-)?attack$/;

const unique = (items: readonly string[]): string[] | undefined => {
  const list = [...new Set(items.filter((item) => item.trim() !== ''))];
  return list.length > 0 ? list : undefined;
};

function indicatorContext(indicator: StixIndicator): IntelContext {
  const references = indicator.external_references ?? [];
  const ours = indicator.x_s1_uuid !== undefined;
  const context: IntelContext = {
    name: indicator.name || undefined,
    description: indicator.description || undefined,
    validUntil: indicator.valid_until ? stixTime(indicator.valid_until)?.toISOString() : undefined,
    severity: indicator.x_s1_severity,
    labels: unique(indicator.labels ?? []),
    // The extension's own export (x_s1_uuid on every indicator) keeps the console's words in x_s1_
    // properties: those are read instead of the STIX vocabularies they were mapped to (its
    // indicator_types is always "malicious-activity", which is no category of the IOC's).
    category: unique(ours ? (indicator.x_s1_category ?? []) : (indicator.indicator_types ?? [])),
    mitreTactic: unique(
      ours
        ? (indicator.x_s1_mitre_tactic ?? [])
        : (indicator.kill_chain_phases ?? [])
            .filter((phase) => MITRE_KILL_CHAIN.test(phase.kill_chain_name))
            .map((phase) => phase.phase_name),
    ),
    externalId: references.find((reference) => reference.external_id)?.external_id,
    // A reference that is not a URL is exported as a `reference` entry's description.
    reference: unique(
      references.flatMap((reference) =>
        reference.url
          ? [reference.url]
          : reference.source_name === 'reference' && reference.description
            ? [reference.description]
            : [],
      ),
    ),
  };
  return context;
}

/** Drops keys whose value is undefined, so rows compare and serialise cleanly. */
function defined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}

/** The rows of one indicator, or the error of its pattern. */
function indicatorRows(
  indicator: StixIndicator,
  where: string,
  graph: Graph,
  now: Date,
): IntelRow[] | IntelFileError {
  const context = { ...indicatorContext(indicator), ...relatedContext(indicator.id, graph) };
  const shared = {
    origin: indicator.id,
    pattern: indicator.pattern,
    confidence: indicator.confidence,
    ...context,
  };
  const whole = (notImportable: string): IntelRow[] => [
    defined({ ...shared, value: indicator.pattern, type: null, notImportable, ticked: false }),
  ];
  if (indicator.pattern_type !== 'stix') {
    return whole(`its pattern_type is "${indicator.pattern_type}": only STIX patterns are read`);
  }
  const reading = readStixPattern(indicator.pattern);
  if (reading.kind === 'malformed') {
    return {
      where: where ? `${where}.pattern` : 'pattern',
      message: `column ${reading.column}: ${reading.message}`,
    };
  }
  const validUntil = context.validUntil ? new Date(context.validUntil) : null;
  const reason = indicator.revoked
    ? 'revoked by its producer'
    : reading.kind === 'unsupported'
      ? reading.reason
      : validUntil && validUntil.getTime() <= now.getTime()
        ? `expired on ${context.validUntil}`
        : undefined;
  if (reading.kind === 'unsupported') return whole(reason ?? reading.reason);
  // intel-row.ts: a row that is not importable has no type, even when its pattern named one.
  return reading.iocs.map((ioc) =>
    defined({
      ...shared,
      value: ioc.value,
      type: reason ? null : ioc.type,
      notImportable: reason,
      ticked: reason === undefined,
    }),
  );
}

/** A report's or grouping's name, the closest STIX has to a title for the file. */
function titleOf(objects: readonly Record<string, unknown>[]): string | undefined {
  const titled = objects.find(
    (object) => (object.type === 'report' || object.type === 'grouping') && typeof object.name === 'string',
  );
  return titled?.name as string | undefined;
}

/**
 * The review rows of a STIX 2.1 file, or every place it is malformed. `now` decides which
 * indicators have expired. Never throws.
 */
export function importStixBundle(text: string, now: Date): IntelFileResult {
  const json = parseJsonText(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const shape = objectsOf(json.value);
  if ('where' in shape) return { ok: false, errors: [shape] };
  const { objects, prefix } = shape;
  const isList = prefix !== '' || Array.isArray(json.value);

  const errors: IntelFileError[] = [];
  const checked = <T>(schema: z.ZodType<T>, object: unknown, where: string): T | null => {
    const result = schema.safeParse(object, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      errors.push({ where: jsonPath(issue.path, where), message: issueText(issue) });
    }
    return null;
  };

  const graph: Graph = { named: new Map(), indicates: new Map(), attributedTo: new Map() };
  const indicators: { indicator: StixIndicator; where: string }[] = [];
  const valid: Record<string, unknown>[] = [];
  objects.forEach((object, index) => {
    const where = placeOf(prefix, index, isList);
    const base = checked(StixObjectSchema, object, where);
    if (!base) return;
    valid.push(base);
    if (base.type === 'indicator') {
      const indicator = checked(IndicatorSchema, object, where);
      if (indicator) indicators.push({ indicator, where });
    } else if (base.type === 'relationship') {
      const relationship = checked(RelationshipSchema, object, where);
      if (relationship) addLink(graph, relationship);
    } else if ((CONTEXT_TYPES as readonly string[]).includes(base.type)) {
      const named = checked(NamedObjectSchema, object, where);
      if (named) graph.named.set(named.id, named);
    }
  });

  const rows: IntelRow[] = [];
  for (const { indicator, where } of indicators) {
    const result = indicatorRows(indicator, where, graph, now);
    if (Array.isArray(result)) rows.push(...result);
    else errors.push(result);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (indicators.length === 0) {
    return { ok: false, errors: [{ where: prefix || 'the file', message: 'holds no indicator object' }] };
  }
  return defined({ ok: true as const, format: 'stix' as const, rows, title: titleOf(valid) });
}
