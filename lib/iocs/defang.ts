/**
 * Defanging: the SOC convention for writing an IOC so that no mail client, chat or ticket system
 * turns it into a live link. Idempotent (an already defanged value comes back unchanged), so a value
 * pasted from a report that was defanged already is safe to defang again.
 */
import type { IocType } from '../s1/schemas';

/** A plain dot, or one already written as `[.]` (kept as is, not wrapped again). */
const DOTS = /\[\.\]|\./g;
const COLONS = /\[:\]|:/g;

function defangDots(text: string): string {
  return text.replace(DOTS, '[.]');
}

function defangUrl(url: string): string {
  // `http`/`https` become `hxxp`/`hxxps`; other schemes (ftp, …) are not links in chat tools anyway.
  const withScheme = url.replace(/^https?(?=:)/i, (scheme) => `hxxp${scheme.slice(4).toLowerCase()}`);
  // The authority (host, with any userinfo and port) runs from after `://`, or from the start for a
  // scheme-less URL, to the first `/`, `?` or `#`. Dots in the path (`/index.php`) are left alone.
  const schemeEnd = withScheme.indexOf('://');
  const hostStart = schemeEnd === -1 ? 0 : schemeEnd + 3;
  const rest = withScheme.slice(hostStart);
  const pathStart = rest.search(/[/?#]/);
  const hostEnd = pathStart === -1 ? withScheme.length : hostStart + pathStart;
  return (
    withScheme.slice(0, hostStart) +
    defangDots(withScheme.slice(hostStart, hostEnd)) +
    withScheme.slice(hostEnd)
  );
}

/** `value` defanged for `type`: URLs `hxxp(s)://evil[.]com/x`, domains and IPv4 `[.]`, IPv6 `[:]`, hashes as is. */
export function defang(value: string, type: IocType): string {
  switch (type) {
    case 'URL':
      return defangUrl(value);
    case 'DNS':
    case 'IPV4':
      return defangDots(value);
    case 'IPV6':
      // An IPv4-mapped address (`::ffff:1.2.3.4`) carries dots too.
      return defangDots(value.replace(COLONS, '[:]'));
    case 'MD5':
    case 'SHA1':
    case 'SHA256':
      return value;
  }
}
