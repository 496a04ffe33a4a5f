/**
 * The Settings list of pivot templates as the analyst edits it: a template typed into the form is
 * checked before it joins the list, so that an invalid one is named in place and never saved.
 */
import type { IocType } from '../../config/ioc-types';
import { MAX_PIVOTS, type PivotTemplate, PivotTemplateSchema, pivotListProblem } from '../../config/pivots';

/** The add/edit form as typed. */
export interface PivotDraft {
  name: string;
  url: string;
  types: IocType[];
}

export const EMPTY_PIVOT_DRAFT: PivotDraft = { name: '', url: 'https://', types: [] };

export const pivotDraftOf = (template: PivotTemplate): PivotDraft => ({
  name: template.name,
  url: template.url,
  types: [...template.types],
});

export type PivotEdit = { ok: true; list: PivotTemplate[] } | { ok: false; message: string };

/**
 * `list` with `draft` in place of the template at `at` (or added at the end when `at` is undefined),
 * or the first reason the draft cannot be: an invalid name, link or types, or a name clash.
 */
export function applyPivotDraft(list: readonly PivotTemplate[], draft: PivotDraft, at?: number): PivotEdit {
  if (at === undefined && list.length >= MAX_PIVOTS)
    return { ok: false, message: `At most ${MAX_PIVOTS} links: remove one first.` };
  const parsed = PivotTemplateSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Invalid link.' };
  const next = at === undefined ? [...list, parsed.data] : list.map((t, i) => (i === at ? parsed.data : t));
  const clash = pivotListProblem(next);
  return clash ? { ok: false, message: clash } : { ok: true, list: next };
}

export const removePivot = (list: readonly PivotTemplate[], at: number): PivotTemplate[] =>
  list.filter((_template, index) => index !== at);
