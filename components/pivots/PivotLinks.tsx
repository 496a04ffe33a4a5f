import type { IocType } from '../../config/ioc-types';
import { displayText } from '../../lib/iocs/display-text';
import { pivotLinks } from '../../lib/pivots/pivot-links';
import { pageProfileId } from '../page/page-profile';
import { usePivotSettings } from './use-pivot-settings';

interface Props {
  /** As shown (defanged is fine: the links refang it). */
  value: string;
  type: IocType;
  /** Whose templates and console: the page's profile unless the row belongs to another tenant. */
  profileId?: string;
}

/** How much of the value the links' names spell out: a 2 KB URL would swamp a screen reader. */
const NAMED_CHARS = 80;

/**
 * "Open in…": the value on each site whose template is for its type (Settings, Open-in links), each a
 * plain link to a new tab. Nothing is fetched until the analyst follows one; the opened page gets no
 * referrer and no handle on ours. Folded into one line until opened, so a review row stays short.
 */
export function PivotLinks({ value, type, profileId = pageProfileId }: Props) {
  const settings = usePivotSettings(profileId);
  if (!settings) return null;
  const links = pivotLinks(settings.templates, { value, type }, settings.consoleUrl);
  if (links.length === 0) return null;
  const named = displayText(value, NAMED_CHARS);
  return (
    <details class="pivots">
      {/* Named with the value (its visible words first, WCAG 2.5.3): a review shows one menu per row. */}
      <summary aria-label={`Open in… for ${named}`}>Open in…</summary>
      <ul>
        {links.map((link) => (
          <li key={`${link.name} ${link.url}`}>
            <a
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={`Open ${named} in ${link.name}`}
            >
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
