import { contextLines } from '../../lib/iocs/context-fields';
import { displayText } from '../../lib/iocs/display-text';
import type { Ioc } from '../../lib/s1/schemas';

/** The IOC's context fields that are set, one line each; console text, so spelled out by displayText. */
export function IocContextList({ ioc }: { ioc: Ioc }) {
  const lines = contextLines(ioc);
  if (lines.length === 0) return null;
  return (
    <dl class="ioc-context-list">
      {lines.map(({ label, text }) => (
        <div key={label}>
          <dt>{label}</dt>
          {/* Cut so a long list cannot push the JSON away; the JSON below holds it whole. */}
          <dd>{displayText(text, 500)}</dd>
        </div>
      ))}
    </dl>
  );
}
