/**
 * Which SentinelOne IOC type a MISP attribute becomes, by its MISP type (the category-type list of
 * the MISP core format, §Attribute type). The value is not judged here: a malformed value still
 * becomes a row, and the review validates it like a pasted one. What SentinelOne has no type for
 * becomes a row that is not importable, with a reason naming the MISP type, never nothing.
 *
 * Decisions:
 * - `domain|ip` becomes two rows, the domain (DNS) and the address (IPV4/IPV6): both are indicators,
 *   and the analyst can untick either.
 * - `ip-dst|port`, `ip-src|port`, `hostname|port`: the address or host only. SentinelOne IOCs have no
 *   port, and an IOC on the host covers every port.
 * - `filename|md5`, `filename|sha1`, `filename|sha256` and `malware-sample` (`name|md5` of an attached
 *   sample): the hash. The file name alone is no IOC SentinelOne has.
 * - `ip-src`/`ip-dst` with a prefix shorter than one address (`/24`): not importable. SentinelOne
 *   IP IOCs are single addresses matched with EQUALS (docs/sentinelone-api.md#item-fields). A `/32`
 *   or `/128` is kept: the review sends it as the address, with its CIDR warning.
 * - `uri` with a scheme (`https://…`) is a URL; without one (MISP's `uri` is often a bare path such
 *   as `/gate.php`) it is not importable: a URL IOC needs the host.
 * - `link` is a reference to a report, not an indicator: not importable, and the import puts it in
 *   the `reference` field of the event's rows instead (misp-import.ts). `threat-actor` and
 *   `campaign-name` attributes likewise fill `threatActors` and `campaignNames`.
 * - Hash-shaped kinds that are no file hash (`ja3-fingerprint-md5`, `hassh-md5`, the
 *   `x509-fingerprint-*`) say so: sent as MD5 or SHA1 they would be matched against files and never
 *   fire, or fire on an unrelated file.
 */
import type { IocType } from '../s1/schemas';

export interface AttributeRead {
  value: string;
  type: IocType | null;
  notImportable?: string;
  /** Which half of a composite value this row is (`domain`, `IP`), when the attribute gave two rows. */
  part?: string;
}

const SINGLE: Readonly<Record<string, IocType>> = {
  md5: 'MD5',
  sha1: 'SHA1',
  sha256: 'SHA256',
  domain: 'DNS',
  hostname: 'DNS',
  url: 'URL',
};

/** Composite `a|b` kinds of which one half is the IOC: which half, and its type (`IP` = by the value). */
const ONE_HALF: Readonly<Record<string, { index: 0 | 1; type: IocType | 'IP' }>> = {
  'ip-dst|port': { index: 0, type: 'IP' },
  'ip-src|port': { index: 0, type: 'IP' },
  'hostname|port': { index: 0, type: 'DNS' },
  'filename|md5': { index: 1, type: 'MD5' },
  'filename|sha1': { index: 1, type: 'SHA1' },
  'filename|sha256': { index: 1, type: 'SHA256' },
  'malware-sample': { index: 1, type: 'MD5' },
};

const OTHER_HASH = 'SentinelOne takes only MD5, SHA1 and SHA256 file hashes';
const FUZZY_HASH = 'a similarity or structure hash, not a hash of the whole file';

/** Why a kind SentinelOne has no type for cannot be imported, where a word more than "no type" helps. */
const REASONS: Readonly<Record<string, string>> = {
  link: 'a reference link, not an indicator (it fills the reference field of the event’s rows)',
  'threat-actor': 'context, not an indicator (it fills the threat actors of the event’s rows)',
  'campaign-name': 'context, not an indicator (it fills the campaign names of the event’s rows)',
  comment: 'free text, not an indicator',
  text: 'free text, not an indicator',
  other: 'free text, not an indicator',
  'ja3-fingerprint-md5': 'a TLS client fingerprint (JA3): it looks like an MD5 but is not a file hash',
  'hassh-md5': 'an SSH client fingerprint: it looks like an MD5 but is not a file hash',
  'hasshserver-md5': 'an SSH server fingerprint: it looks like an MD5 but is not a file hash',
  'jarm-fingerprint': 'a TLS server fingerprint, not a file hash',
  'x509-fingerprint-md5': 'a certificate fingerprint, not a file hash',
  'x509-fingerprint-sha1': 'a certificate fingerprint, not a file hash',
  'x509-fingerprint-sha256': 'a certificate fingerprint, not a file hash',
  'favicon-mmh3': 'a favicon hash, not a file hash',
  'dom-hash': 'a web page structure hash, not a file hash',
  ...Object.fromEntries(
    ['sha224', 'sha384', 'sha512', 'sha512/224', 'sha512/256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512']
      .flatMap((kind) => [kind, `filename|${kind}`])
      .map((kind) => [kind, OTHER_HASH]),
  ),
  ...Object.fromEntries(
    ['ssdeep', 'imphash', 'tlsh', 'impfuzzy', 'pehash', 'authentihash', 'vhash', 'telfhash', 'cdhash']
      .flatMap((kind) => [kind, `filename|${kind}`])
      .map((kind) => [kind, FUZZY_HASH]),
  ),
};

function notImportable(mispType: string, value: string, why?: string): AttributeRead {
  const reason = why || 'SentinelOne has no IOC type for it';
  return { value, type: null, notImportable: `MISP type "${mispType}": ${reason}` };
}

/** `a|b` split at the last `|` (an IPv6 address has colons, never bars); the whole value if it has none. */
function halves(value: string): [string, string] | null {
  const bar = value.lastIndexOf('|');
  return bar < 0 ? null : [value.slice(0, bar).trim(), value.slice(bar + 1).trim()];
}

/** An address read as IPV6 when it has a colon, IPV4 otherwise; a range is not importable. */
function address(mispType: string, value: string): AttributeRead {
  const type: IocType = value.includes(':') ? 'IPV6' : 'IPV4';
  const prefix = /\/(\d{1,3})$/.exec(value);
  if (prefix && Number(prefix[1]) < (type === 'IPV6' ? 128 : 32)) {
    return notImportable(
      mispType,
      value,
      `a range (/${prefix[1]}); SentinelOne IP IOCs are single addresses`,
    );
  }
  return { value, type };
}

/** The rows one MISP attribute becomes (one, or two for `domain|ip`), by its MISP `type`. */
export function readAttributeValue(mispType: string, value: string): AttributeRead[] {
  const single = SINGLE[mispType];
  if (single) return [{ value, type: single }];
  if (mispType === 'ip-src' || mispType === 'ip-dst') return [address(mispType, value.trim())];
  if (mispType === 'uri') {
    return [
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())
        ? { value, type: 'URL' }
        : notImportable(mispType, value, 'a path without a scheme and host; a URL IOC needs the whole URL'),
    ];
  }
  if (mispType === 'domain|ip') {
    const parts = halves(value);
    if (!parts) return [{ value, type: 'DNS' }];
    return [
      { value: parts[0], type: 'DNS', part: 'domain' },
      { ...address(mispType, parts[1]), part: 'IP' },
    ];
  }
  const half = ONE_HALF[mispType];
  if (half) {
    // Without a `|` the value is malformed: it stays whole, and the review says why it is no IOC.
    const part = halves(value)?.[half.index] ?? value;
    return [half.type === 'IP' ? address(mispType, part) : { value: part, type: half.type }];
  }
  return [notImportable(mispType, value, REASONS[mispType])];
}
