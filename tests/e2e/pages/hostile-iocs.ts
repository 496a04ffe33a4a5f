/**
 * IOCs a hostile or careless console user could hold: markup, `javascript:` URLs,
 * bidi overrides, zero-width and control characters, 100 KB strings, in every text field the
 * extension shows. They go onto the simulator with putIocs, past its POST validation, because a
 * console's stored data is not bound by today's validation (imports, older releases, other clients).
 *
 * Every script payload sets `window.__pwned` to its own name, so a page where one ran says which.
 */
import type { Ioc } from '../../simulator';

export const PAYLOADS = {
  img: `<img src=x onerror="window.__pwned='img'">`,
  script: `<script>window.__pwned='script'</script>`,
  svg: `<svg onload="window.__pwned='svg'"></svg>`,
  iframe: `<iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  jsUrl: `javascript:window.__pwned='href'//`,
  /** RIGHT-TO-LEFT OVERRIDE, never closed: "invoice‮fdp.exe" reads "invoiceexe.pdf". */
  rtl: 'invoice\u202Efdp.exe',
  zeroWidth: 'pay\u200Bpal\u200C\u200D\u2060\uFEFF',
  control: 'bell\u0007 nul\u0000 esc\u001b[31mred\u001b[0m cr\rlf\n nel\u0085 del\u007f',
} as const;

/** 100 KB: one unbroken run (the worst case for wrapping) and words (the worst case for height). */
export const HUGE_RUN = `${PAYLOADS.img}${'A'.repeat(100_000)}`;
export const HUGE_WORDS = `${PAYLOADS.script} ${'lorem ipsum '.repeat(8_400)}`;

/** The DNS IOC whose value is harmless, so the popup, the menu and the sheet find it. */
export const LOOKUP_VALUE = 'hostile-name.badcorp.top';
/** A harmless DNS value whose other fields hold the unclosed RIGHT-TO-LEFT OVERRIDE. */
export const RTL_FIELDS_VALUE = 'rtl-fields.badcorp.top';
/** A harmless DNS value whose other fields are 100 KB each. */
export const HUGE_FIELDS_VALUE = 'huge-fields.badcorp.top';
/** A URL value that still holds markup after the extension's extraction (no trailing `>`). */
export const MARKUP_URL = `https://xss.badcorp.top/?q="><img/src=x/onerror=window.__pwned='url'>&x=1`;

type Fields = Pick<Ioc, 'type' | 'value' | 'name' | 'description' | 'creator' | 'source'> & {
  externalId: string;
};

const HOSTILE: Fields[] = [
  {
    type: 'DNS',
    value: LOOKUP_VALUE,
    name: PAYLOADS.img,
    description: PAYLOADS.script,
    creator: `${PAYLOADS.svg}@acme.example`,
    source: PAYLOADS.jsUrl,
    externalId: PAYLOADS.iframe,
  },
  {
    type: 'URL',
    value: MARKUP_URL,
    name: PAYLOADS.svg,
    description: PAYLOADS.iframe,
    creator: PAYLOADS.jsUrl,
    source: PAYLOADS.img,
    externalId: PAYLOADS.script,
  },
  {
    type: 'URL',
    value: PAYLOADS.jsUrl,
    name: PAYLOADS.jsUrl,
    description: PAYLOADS.jsUrl,
    creator: PAYLOADS.jsUrl,
    source: 'MISP',
    externalId: PAYLOADS.jsUrl,
  },
  {
    type: 'DNS',
    value: RTL_FIELDS_VALUE,
    name: PAYLOADS.rtl,
    description: `${PAYLOADS.rtl} then more text`,
    creator: `${PAYLOADS.rtl}@acme.example`,
    source: PAYLOADS.rtl,
    externalId: PAYLOADS.rtl,
  },
  {
    type: 'DNS',
    value: `${PAYLOADS.rtl}.badcorp.top`,
    name: PAYLOADS.zeroWidth,
    description: PAYLOADS.zeroWidth,
    creator: `${PAYLOADS.zeroWidth}@acme.example`,
    source: PAYLOADS.zeroWidth,
    externalId: PAYLOADS.zeroWidth,
  },
  {
    type: 'DNS',
    value: `${PAYLOADS.script}${PAYLOADS.zeroWidth}ctrl\u0007\u001b[31m\u0000.badcorp.top`,
    name: PAYLOADS.control,
    description: PAYLOADS.control,
    creator: PAYLOADS.control,
    source: PAYLOADS.control,
    externalId: PAYLOADS.control,
  },
  {
    type: 'DNS',
    value: HUGE_FIELDS_VALUE,
    name: HUGE_WORDS,
    description: HUGE_RUN,
    creator: HUGE_RUN,
    source: HUGE_WORDS,
    externalId: HUGE_RUN,
  },
  {
    type: 'URL',
    value: `https://big.badcorp.top/${HUGE_RUN}`,
    name: HUGE_RUN,
    description: HUGE_WORDS,
    creator: HUGE_WORDS,
    source: HUGE_RUN,
    externalId: HUGE_WORDS,
  },
];

/** The hostile IOCs as the console stores them, stamped with the simulator's clock. */
export function hostileIocs(accountId: string, nowIso: string): Ioc[] {
  const validUntil = new Date(Date.parse(nowIso) + 30 * 86_400_000).toISOString();
  return HOSTILE.map((fields, i) => ({
    batchId: `b${String(i).padStart(31, '0')}`,
    category: [],
    creationTime: nowIso,
    intrusionSets: [],
    metadata: PAYLOADS.img,
    method: 'EQUALS',
    mitreTactic: [],
    reference: [PAYLOADS.jsUrl],
    scope: 'account',
    scopeId: accountId,
    threatActors: [],
    updatedAt: nowIso,
    uploadTime: nowIso,
    uuid: `4057113e${String(i).padStart(24, '0')}`,
    validUntil,
    ...fields,
  }));
}

/** Each payload once, for the figures: what was planted. */
export const PAYLOAD_NAMES = [...Object.keys(PAYLOADS), 'huge-run', 'huge-words'];
