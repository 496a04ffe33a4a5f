/**
 * Finding an API token in text: the token itself (so also its `ApiToken …` and
 * `Bearer …` forms), its base64 at any alignment, or any 16 characters of it in a row, because a
 * token cut short in a log line or a URL is still a leak. Pure, so that its unit test can prove
 * that each form is found (secret-text.test.ts beside it).
 */
import { Buffer } from 'node:buffer';

export const PART_LENGTH = 16;
/** Shorter strings (a test's `x`) are not tokens worth looking for; lib/log/redact.ts ignores them too. */
export const MIN_SECRET_LENGTH = 8;

export type SecretForm = 'whole' | 'base64' | 'part';

export interface SecretFinding {
  place: string;
  form: SecretForm;
  count: number;
  /** Where the first one stands, with a little context, the secret itself masked. */
  context: string;
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * The base64 characters that depend on the secret alone, for each of the three alignments it can
 * have inside a longer encoded text (after 0, 1 or 2 other bytes).
 */
export function base64Forms(secret: string): string[] {
  return [0, 1, 2].map((pad) => {
    const bytes = Buffer.concat([Buffer.alloc(pad), Buffer.from(secret, 'utf8')]);
    const encoded = bytes.toString('base64');
    return encoded.slice(Math.ceil((pad * 8) / 6), Math.floor((bytes.length * 8) / 6));
  });
}

function contextOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  const around = text.slice(Math.max(0, at - 40), at + needle.length + 40);
  return around.split(needle).join('«SECRET»');
}

/** Every form of every secret found in `text`, as findings of `place`. */
export function findSecrets(place: string, text: string, secrets: readonly string[]): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    const whole = countOf(text, secret);
    if (whole > 0) findings.push({ place, form: 'whole', count: whole, context: contextOf(text, secret) });
    // What is left once the whole occurrences are gone, so that their parts are not counted again.
    const rest = whole > 0 ? text.split(secret).join('\u0000') : text;
    const encoded = base64Forms(secret).filter((form) => rest.includes(form));
    if (encoded.length > 0)
      findings.push({
        place,
        form: 'base64',
        count: encoded.length,
        context: contextOf(rest, encoded[0] ?? ''),
      });
    const parts: string[] = [];
    for (let i = 0; i + PART_LENGTH <= secret.length && secret.length > PART_LENGTH; i++) {
      const part = secret.slice(i, i + PART_LENGTH);
      if (rest.includes(part)) parts.push(part);
    }
    if (parts.length > 0)
      findings.push({ place, form: 'part', count: parts.length, context: contextOf(rest, parts[0] ?? '') });
  }
  return findings;
}
