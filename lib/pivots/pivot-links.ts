/**
 * A value's pivot links: each template that applies to its type, expanded with the value refanged and
 * URL-encoded. A link is built, never followed: the page renders it, and only the analyst's click
 * opens it. Whatever the value holds (`#`, `?`, `/`, `javascript:`), the link keeps the template's
 * scheme and origin; a link that would not is left out rather than shown. No schema is loaded here:
 * the popup renders the links, and keeps zod out of its first load.
 */
import type { IocType } from '../../config/ioc-types';
import type { PivotTemplate } from '../../config/pivots';
import { refang } from '../iocs/refang';

export interface PivotLink {
  name: string;
  url: string;
}

/** What a link is about: the value as the page shows it (defanged is fine) and its type. */
export interface PivotSubject {
  value: string;
  type: IocType;
}

const CONSOLE = '{console}';

/**
 * `template` expanded for `subject`, or null: the template is not for its type, it needs a console
 * and the profile has none, or the expanded link would leave the template's https origin.
 */
export function pivotUrl(
  template: PivotTemplate,
  subject: PivotSubject,
  consoleUrl: string | null | undefined,
): string | null {
  if (!template.types.includes(subject.type)) return null;
  let origin: string | null = null;
  if (template.url.startsWith(CONSOLE)) {
    // The stored console URL is an https origin already (config/connection.ts); anything else gets no link.
    const console = consoleUrl ? parseHttps(consoleUrl) : null;
    if (!console) return null;
    origin = console.origin;
  }
  const value = encodeURIComponent(refang(subject.value).trim());
  const fill = (text: string, withValue: string) =>
    text
      .replaceAll(CONSOLE, origin ?? CONSOLE)
      .replaceAll('{type}', encodeURIComponent(subject.type))
      .replaceAll('{value}', withValue);
  // The origin the template names, with a harmless value: the filled link must keep it.
  const expected = parseHttps(fill(template.url, 'x'));
  const link = parseHttps(fill(template.url, value));
  if (!expected || !link || link.origin !== expected.origin) return null;
  return link.href;
}

function parseHttps(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && !url.username && !url.password ? url : null;
  } catch {
    return null;
  }
}

/** Every link for `subject`, in the templates' order. */
export function pivotLinks(
  templates: readonly PivotTemplate[],
  subject: PivotSubject,
  consoleUrl: string | null | undefined,
): PivotLink[] {
  if (refang(subject.value).trim() === '') return [];
  return templates.flatMap((template) => {
    const url = pivotUrl(template, subject, consoleUrl);
    return url ? [{ name: template.name, url }] : [];
  });
}
