/**
 * A token is bound to its console. Settings may point Test connection or Load accounts at a console
 * that is not saved yet; the saved token then goes with it only when that console is the saved one,
 * so that a typo-squatted or hostile URL typed into the form never receives it. Another console
 * needs its own token typed in. The Settings page applies the same rule before it saves.
 */
import { normalizeConsoleUrl } from '../../config/connection';
import { registerSecret } from '../log/redact';
import type { ConsoleProbe } from '../messages';

/** What the rule needs of the saved connection. */
export interface SavedConsole {
  consoleUrl: string;
  apiToken: string;
}

/** The same, as a page knows it: the Settings page never holds the saved token, only whether one is saved. */
export interface SavedConsoleHint {
  consoleUrl: string;
  hasToken: boolean;
}

/**
 * Which token `consoleUrl` (an origin) may be sent: the one typed, else the saved one when the
 * console is the saved console. Throws an Error that tells the analyst what to do otherwise.
 */
export function tokenChoice(
  consoleUrl: string,
  typed: string | undefined,
  saved: SavedConsoleHint | null | undefined,
): { typed: string } | { saved: true } {
  const token = typed?.trim() ?? '';
  if (token !== '') return { typed: token };
  if (!saved?.hasToken) throw new Error('Enter the API token.');
  if (saved.consoleUrl !== consoleUrl)
    throw new Error(
      `Enter the API token for ${consoleUrl}: the saved token belongs to ${saved.consoleUrl} and is never sent elsewhere.`,
    );
  return { saved: true };
}

/** The token itself, by `tokenChoice`'s rule: what the worker sends. */
export function tokenForConsole(
  consoleUrl: string,
  typed: string | undefined,
  saved: SavedConsole | null | undefined,
): string {
  const choice = tokenChoice(
    consoleUrl,
    typed,
    saved && { consoleUrl: saved.consoleUrl, hasToken: saved.apiToken !== '' },
  );
  return 'typed' in choice ? choice.typed : (saved as SavedConsole).apiToken;
}

export interface ProbeDeps {
  /** The saved connection, or nothing before the first save. */
  savedConnection(): Promise<SavedConsole | null | undefined>;
}

/**
 * A probe from the Settings page as a connection the client can use: the console URL reduced to its
 * origin, the token chosen by `tokenForConsole`. The payload comes from a message, so its console
 * URL is checked again here rather than trusted.
 */
export async function resolveProbe<P extends ConsoleProbe>(
  probe: P,
  deps: ProbeDeps,
): Promise<Omit<P, 'consoleUrl' | 'apiToken'> & SavedConsole> {
  const url = normalizeConsoleUrl(typeof probe.consoleUrl === 'string' ? probe.consoleUrl : '');
  if (!url.ok) throw new Error(url.reason);
  const typed = typeof probe.apiToken === 'string' ? probe.apiToken : undefined;
  const apiToken = tokenForConsole(url.origin, typed, await deps.savedConnection());
  registerSecret(apiToken);
  return { ...probe, consoleUrl: url.origin, apiToken };
}
