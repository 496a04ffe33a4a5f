/**
 * What the review says about tags when it sends to several tenants: each IOC carries its own tenant's
 * tag prefix (multi-target.ts Target.draftSettings), which the name field's placeholder (the page's
 * own tag) cannot show. Nothing is said when every target's tag is the same.
 */

export interface TaggedTarget {
  label: string;
  /** The tag prefix its IOCs carry; '' for none. */
  tagPrefix: string;
}

/** "Name and description are tagged per tenant: [ACME] in Acme, [GLOBEX] in Globex, none in Initech." */
export function targetTagsNote(targets: readonly TaggedTarget[]): string | null {
  const tags = targets.map((target) => target.tagPrefix.trim());
  if (new Set(tags).size <= 1) return null;
  const each = targets.map((target, i) => `${tags[i] || 'none'} in ${target.label}`);
  return `Name and description are tagged per tenant: ${each.join(', ')}.`;
}
