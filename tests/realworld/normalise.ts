/**
 * The corpus's normal form (realworld README "Normalisation"), built on the product's own: a value
 * validate.ts accepts is compared in the form validate.ts returns, so the runner measures the rows
 * the review shows, not a second opinion. Only what validate.ts leaves out is added here: the `/`
 * of an empty URL path (the corpus writes `http://host/`, the product keeps the URL as typed).
 */
import { refang } from '../../lib/iocs/refang';
import { validateIoc } from '../../lib/iocs/validate';
import type { IocType } from '../../lib/s1/schemas';

const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/i;

function urlForm(url: string): string {
  const parts = URL_PARTS.exec(url);
  if (!parts) return url;
  const [, scheme = '', authority = '', rest = ''] = parts;
  const path = rest.startsWith('/') ? rest : `/${rest}`;
  return `${scheme.toLowerCase()}${authority.toLowerCase()}${path}`;
}

/** `value` of `type` in the corpus's normal form; an invalid value is refanged and case-folded where the type ignores case. */
export function normalise(type: IocType, value: string): string {
  const text = refang(value.trim());
  const validation = validateIoc(text, type);
  const form = validation.ok ? validation.value : text;
  switch (type) {
    case 'URL':
      return urlForm(form);
    case 'DNS':
      return form.toLowerCase().replace(/\.$/, '');
    case 'MD5':
    case 'SHA1':
    case 'SHA256':
      return form.toLowerCase();
    default:
      return form;
  }
}

/** The host (or IP) of a normalised URL, without port or brackets; undefined when it has none. */
export function urlHost(url: string): string | undefined {
  const authority = URL_PARTS.exec(url)?.[2];
  if (!authority) return undefined;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  if (hostPort.startsWith('[')) return hostPort.slice(1, hostPort.indexOf(']'));
  return hostPort.replace(/:\d*$/, '');
}

/** The key a row and a truth item are matched on. */
export const itemKey = (type: IocType, normalValue: string) => `${type}|${normalValue}`;
