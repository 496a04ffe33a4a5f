/**
 * Keeps secrets out of every text the extension writes down (log lines, console output, error
 * reports): the API tokens it knows of, and anything shaped like an Authorization value.
 */
const secrets = new Set<string>();

/** Remembers a secret so that `redact` hides it; short strings are ignored to keep text readable. */
export function registerSecret(secret: string | null | undefined): void {
  if (secret && secret.length >= 8) secrets.add(secret);
}

export const REDACTED = '[redacted]';

/**
 * An Authorization value in text: the scheme, then something token-shaped (16+ characters), so
 * that prose such as "the API token is invalid" is left alone.
 */
const AUTHORIZATION_VALUE = /\b(ApiToken|APIToken|Token|Bearer)(\s+|=|:\s*)[\w.~+/=-]{16,}/gi;

/** `text` with every known secret and every `ApiToken …` / `Token …` / `Bearer …` value hidden. */
export function redact(text: string): string {
  let safe = text;
  for (const secret of secrets) safe = safe.split(secret).join(REDACTED);
  return safe.replace(AUTHORIZATION_VALUE, `$1$2${REDACTED}`);
}
