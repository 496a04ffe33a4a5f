/**
 * The manifest grants https://*.sentinelone.net/* only. A console hosted elsewhere is reached after
 * the analyst grants its one origin (optional_host_permissions), asked for while the click on Save,
 * Test connection or Load accounts is still a user gesture, as permissions.request requires.
 */
import { browser } from 'wxt/browser';

/** The origin pattern a console needs granted, or null when the manifest already covers it. */
export function consoleOriginPattern(consoleUrl: string): string | null {
  const { hostname, origin } = new URL(consoleUrl);
  return hostname.endsWith('.sentinelone.net') ? null : `${origin}/*`;
}

/** Asks for the console's origin when needed; throws a readable error when the analyst declines. */
export async function requestConsoleOrigin(consoleUrl: string): Promise<void> {
  const pattern = consoleOriginPattern(consoleUrl);
  if (!pattern) return;
  const granted = await browser.permissions.request({ origins: [pattern] });
  if (!granted)
    throw new Error(
      `The extension may not reach ${new URL(consoleUrl).origin} until you allow it. Nothing was sent or saved.`,
    );
}
