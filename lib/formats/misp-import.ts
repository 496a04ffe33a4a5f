/**
 * A MISP event export (JSON in the MISP core format, draft-dulaunoy-misp-core-format) read into
 * review rows: one row per attribute, whether loose on the event or inside an object (`file`,
 * `domain-ip`, `url`, `ip-port`, …), importable or not (misp-attribute-types.ts says which), with the
 * event's context. A file that is not JSON, or not shaped like an export, gives errors naming where
 * it broke and no rows: nothing of a half-read file is sent.
 *
 * Decisions:
 * - Shapes: `{"Event": …}` (MISP's event view and download), `{"response": [{"Event": …}, …]}` (its
 *   restSearch answer), and a list of `{"Event": …}`.
 * - `to_ids: false` rows are importable but start unticked: MISP's author said they are not meant for
 *   detection. So do rows with a false-positive sighting (sighting type 1).
 * - A `deleted: true` attribute, or any attribute of a deleted object, is a revocation, not intel: a
 *   row that is not importable, "deleted in MISP".
 * - name ← the event's `info`; description ← the attribute's `comment` (after its object's comment,
 *   when both are given); category ← the attribute's `category` (`Network activity`, …).
 * - severity ← the event's `threat_level_id` on the console's 0–7 scale (OCSF): 1 High → 4 (High),
 *   2 Medium → 3 (Medium), 3 Low → 2 (Low); 4 Undefined → none, so the review's default applies.
 * - externalId ← the attribute's `uuid`, not the event's: it names this one indicator, and MISP finds
 *   an attribute (and so its event) by it. The event is named in the row's origin.
 * - validUntil: MISP has no expiry field; it is set only from an expiration sighting (sighting type 2,
 *   its date). One already past at `now` makes the row not importable, "expired in MISP". Otherwise
 *   it is left to the review's validity per type: `first_seen`, `last_seen` and `timestamp` say when
 *   the value was seen, not until when to look for it.
 * - Event context from attributes that are not indicators: `link` attributes fill `reference`,
 *   `threat-actor` ones `threatActors`, `campaign-name` ones `campaignNames`, on every row of the event
 *   (they still get their own not-importable row, so the analyst sees where it came from).
 * - Tags and galaxies (misp-tags.ts): the event's and the attribute's, merged.
 */
import type { IocType } from '../s1/schemas';
import type { IntelFileError, IntelFileResult, IntelRow } from './intel-row';
import { parseJsonText } from './json-position';
import { readAttributeValue } from './misp-attribute-types';
import {
  EventListSchema,
  type MispAttribute,
  type MispEvent,
  type MispObject,
  ResponseSchema,
  WrappedEventSchema,
} from './misp-schema';
import { contextFromTags, type TagContext } from './misp-tags';
import { zodErrors } from './zod-errors';

const SEVERITY_BY_THREAT_LEVEL: Readonly<Record<string, number | undefined>> = {
  1: 4,
  2: 3,
  3: 2,
  4: undefined,
};

const SIGHTING_FALSE_POSITIVE = 1;
const SIGHTING_EXPIRATION = 2;

/** What every row of one event shares. */
interface EventContext extends TagContext {
  info: string;
  severity?: number;
  reference: string[];
  campaignNames: string[];
}

interface Located {
  attribute: MispAttribute;
  object?: MispObject;
  /** `Attribute[3]` or `Object[1].Attribute[0]`, for an attribute without a uuid. */
  path: string;
}

function attributesOf(event: MispEvent): Located[] {
  return [
    ...(event.Attribute ?? []).map((attribute, i) => ({ attribute, path: `Attribute[${i}]` })),
    ...(event.Object ?? []).flatMap((object, o) =>
      (object.Attribute ?? []).map((attribute, i) => ({
        attribute,
        object,
        path: `Object[${o}].Attribute[${i}]`,
      })),
    ),
  ];
}

function pushNew(list: string[], value: string): void {
  const text = value.trim();
  if (text !== '' && !list.includes(text)) list.push(text);
}

function eventContext(event: MispEvent, located: Located[]): EventContext {
  const tags = contextFromTags(
    (event.Tag ?? []).map((tag) => tag.name),
    event.Galaxy,
  );
  const context: EventContext = {
    ...tags,
    info: event.info,
    severity: SEVERITY_BY_THREAT_LEVEL[String(event.threat_level_id ?? 4)],
    reference: [],
    campaignNames: [],
  };
  for (const { attribute, object } of located) {
    if (attribute.deleted || object?.deleted) continue;
    if (attribute.type === 'link') pushNew(context.reference, attribute.value);
    if (attribute.type === 'threat-actor') pushNew(context.threatActors, attribute.value);
    if (attribute.type === 'campaign-name') pushNew(context.campaignNames, attribute.value);
  }
  return context;
}

function merged(...lists: string[][]): string[] | undefined {
  const all: string[] = [];
  for (const list of lists) for (const value of list) pushNew(all, value);
  return all.length > 0 ? all : undefined;
}

/** The latest sighting date of `type`, in ms, or null. */
function latestSighting(attribute: MispAttribute, type: number): number | null {
  const dates = (attribute.Sighting ?? [])
    .filter((sighting) => sighting.type === type && sighting.date_sighting !== undefined)
    .map((sighting) => (sighting.date_sighting ?? 0) * 1000);
  return dates.length > 0 ? Math.max(...dates) : null;
}

function rowsOf(located: Located, event: EventContext, now: Date): IntelRow[] {
  const { attribute, object } = located;
  const own = contextFromTags(
    (attribute.Tag ?? []).map((tag) => tag.name),
    attribute.Galaxy,
  );
  const where = attribute.uuid ?? located.path;
  const inObject = object ? ` in object "${object.name ?? 'unnamed'}"` : '';
  const expires = latestSighting(attribute, SIGHTING_EXPIRATION);
  const falsePositive = latestSighting(attribute, SIGHTING_FALSE_POSITIVE) !== null;
  const description = [object?.comment, attribute.comment].filter((text) => text?.trim()).join('; ');

  return readAttributeValue(attribute.type, attribute.value).map((read) => {
    let type: IocType | null = read.type;
    let notImportable = read.notImportable;
    if (attribute.deleted || object?.deleted) {
      type = null;
      notImportable = `deleted in MISP (${attribute.deleted ? 'the attribute' : 'its object'} was revoked)`;
    } else if (type !== null && expires !== null && expires <= now.getTime()) {
      type = null;
      notImportable = `expired in MISP on ${new Date(expires).toISOString()} (an expiration sighting)`;
    }
    const row: IntelRow = {
      value: read.value,
      type,
      ticked: type !== null && attribute.to_ids !== false && !falsePositive,
      origin: `attribute ${where}${inObject}${read.part ? ` (its ${read.part})` : ''} of event "${event.info}"`,
      name: event.info,
    };
    if (notImportable) row.notImportable = notImportable;
    if (description) row.description = description;
    if (type !== null && expires !== null) row.validUntil = new Date(expires).toISOString();
    if (event.severity !== undefined) row.severity = event.severity;
    if (attribute.category) row.category = [attribute.category];
    if (attribute.uuid) row.externalId = attribute.uuid;
    const lists = {
      labels: merged(event.labels, own.labels),
      threatActors: merged(event.threatActors, own.threatActors),
      malwareNames: merged(event.malwareNames, own.malwareNames),
      intrusionSets: merged(event.intrusionSets, own.intrusionSets),
      campaignNames: merged(event.campaignNames),
      mitreTactic: merged(event.mitreTactic, own.mitreTactic),
      reference: merged(event.reference),
    };
    for (const [key, list] of Object.entries(lists)) if (list) row[key as keyof typeof lists] = list;
    return row;
  });
}

type Shape = { ok: true; events: MispEvent[] } | { ok: false; errors: IntelFileError[] };

/** The events of a parsed file, in whichever of the three shapes it came. */
function eventsOf(json: unknown): Shape {
  const parse = (schema: typeof EventListSchema | typeof ResponseSchema | typeof WrappedEventSchema) => {
    const result = schema.safeParse(json, { reportInput: true });
    if (!result.success) return { ok: false as const, errors: zodErrors(result.error) };
    const data = result.data;
    const wrapped = Array.isArray(data) ? data : 'response' in data ? data.response : [data];
    return { ok: true as const, events: wrapped.map((item) => item.Event) };
  };
  if (Array.isArray(json)) return parse(EventListSchema);
  if (json !== null && typeof json === 'object') {
    if ('response' in json) return parse(ResponseSchema);
    if ('Event' in json) return parse(WrappedEventSchema);
    if ('type' in json && json.type === 'bundle') {
      return {
        ok: false,
        errors: [{ where: 'type', message: 'this is a STIX bundle, not a MISP event export' }],
      };
    }
  }
  return {
    ok: false,
    errors: [
      {
        where: 'the file',
        message:
          'not a MISP event export: expected {"Event": …}, {"response": [{"Event": …}]} or a list of {"Event": …}',
      },
    ],
  };
}

/** The rows of MISP event export `text`, or where it broke; never throws. */
export function importMispEvents(text: string, now: Date): IntelFileResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const shape = eventsOf(parsed.value);
  if (!shape.ok) return shape;
  if (shape.events.length === 0) {
    return { ok: false, errors: [{ where: 'the file', message: 'the export holds no event' }] };
  }
  const rows = shape.events.flatMap((event) => {
    const located = attributesOf(event);
    const context = eventContext(event, located);
    return located.flatMap((item) => rowsOf(item, context, now));
  });
  const title = shape.events.length === 1 ? shape.events[0]?.info : `${shape.events.length} MISP events`;
  return { ok: true, format: 'misp', rows, title };
}
