/**
 * A pivot: a link that opens an IOC's value on another site (VirusTotal, urlscan.io, …) or in the
 * console, written as a URL template. The schema lives here, not in lib/pivots/, because the shipped
 * defaults (config/defaults.yml) and the settings schema validate templates, and config/ never
 * imports lib/. What a template may be, and why, is in docs/pivots.md.
 */
import { z } from 'zod';
import { IOC_TYPES } from './ioc-types';

/** `{value}`: the refanged value, URL-encoded; `{type}`: the SentinelOne type; `{console}`: the profile's console origin. */
export const PIVOT_PLACEHOLDERS = ['value', 'type', 'console'] as const;

export const MAX_PIVOT_NAME = 40;
/** Far above any site's search link; a template this long is pasted by mistake. */
export const MAX_PIVOT_URL = 1000;
export const MAX_PIVOTS = 30;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const HAS_PLACEHOLDER = /\{[^{}]*\}/;
const CONSOLE_PREFIX = '{console}/';

/** Why `url` is no usable template, in words that name the problem, or null when it is one. */
export function pivotUrlProblem(url: string): string | null {
  if (url === '') return 'Enter the link, such as https://intel.example/search?q={value}.';
  if (url.length > MAX_PIVOT_URL) return `The link is longer than ${MAX_PIVOT_URL} characters.`;
  if (/\s/.test(url)) return 'The link has a space in it: write it as %20.';
  const unknown = [...url.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .find((name) => !(PIVOT_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown !== undefined) return `{${unknown}} is no placeholder: use {value}, {type} or {console}.`;
  if (!url.includes('{value}')) return 'The link must hold {value}, where the IOC goes.';
  const usesConsole = url.startsWith(CONSOLE_PREFIX);
  if (!usesConsole && url.includes('{console}'))
    return '{console} stands for the console’s address: it can only start the link ({console}/…).';
  if (!usesConsole && !/^https:\/\//i.test(url))
    return /^http:\/\//i.test(url)
      ? 'The link must start with https://: an http:// link sends the value in clear text.'
      : 'The link must start with https:// (or {console}/ for the SentinelOne console).';
  // The value goes after the host, never into it: a value must not choose the site it is sent to.
  const rest = usesConsole ? '' : url.slice('https://'.length);
  const host = rest.split(/[/?#]/, 1)[0] ?? '';
  if (HAS_PLACEHOLDER.test(host)) return 'Placeholders go after the site’s address, not in it.';
  let parsed: URL;
  try {
    parsed = new URL(url.replace(CONSOLE_PREFIX, 'https://console.invalid/').replace(PLACEHOLDER, 'x'));
  } catch {
    return 'The link is not a URL.';
  }
  if (parsed.username || parsed.password) return 'The link must not carry a user name or password.';
  return null;
}

export const PivotTemplateSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a name, such as VirusTotal.')
    .max(MAX_PIVOT_NAME, `The name must be at most ${MAX_PIVOT_NAME} characters.`),
  url: z
    .string()
    .trim()
    .superRefine((url, context) => {
      const problem = pivotUrlProblem(url);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    }),
  types: z
    .array(z.enum(IOC_TYPES, { error: `must be one of ${IOC_TYPES.join(', ')}` }))
    .min(1, 'Tick at least one IOC type the link is for.'),
});
export type PivotTemplate = z.infer<typeof PivotTemplateSchema>;

/** The analyst's list: each template valid, at most MAX_PIVOTS, and one name per type (see pivotListProblem). */
export const PivotListSchema = z
  .array(PivotTemplateSchema)
  .max(MAX_PIVOTS, `At most ${MAX_PIVOTS} links.`)
  .superRefine((list, context) => {
    const problem = pivotListProblem(list);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * Two templates of one name may share it for different types (Shodan's host page for IPs, its domain
 * page for domains), never for the same type: the link "Open x in Shodan" must name one place.
 */
export function pivotListProblem(list: readonly PivotTemplate[]): string | null {
  for (const [index, template] of list.entries()) {
    const earlier = list
      .slice(0, index)
      .find(
        (other) => sameName(other.name, template.name) && other.types.some((t) => template.types.includes(t)),
      );
    if (earlier) {
      const shared = template.types.filter((t) => earlier.types.includes(t));
      return `Two links named “${template.name}” are for ${shared.join(', ')}: rename one or untick the type.`;
    }
  }
  return null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
