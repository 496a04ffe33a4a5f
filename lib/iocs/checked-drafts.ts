/**
 * The worker's own check of what a page asks it to send: invalid IOCs are never sent, even if a
 * page had a bug. One invalid draft refuses the whole submission, since sending the rest would be a
 * partial write the analyst did not review.
 */
import { type IocDraft, IocDraftSchema } from '../s1/schemas';
import { valueKey } from '../store/ioc-chunks';
import { validateIoc } from './validate';

/**
 * Whether `value` may be sent for the normal form `normal`: it is that form, or an IOC the console
 * already holds in another spelling of it (case, an IPv6 address's zeros), which a review re-sends as
 * held so the console's upsert updates it rather than adding a second IOC. Anything else the
 * normalisation would change (defanging, a URL's scheme, a trailing dot, spaces) is still refused.
 */
const sendableAs = (value: string, normal: string) =>
  value === normal || (value === value.trim() && valueKey(value) === valueKey(normal));

export function checkedDrafts(drafts: readonly IocDraft[]): IocDraft[] {
  const problems: string[] = [];
  const checked = drafts.map((draft, index) => {
    const parsed = IocDraftSchema.safeParse(draft);
    if (!parsed.success) {
      problems.push(
        `row ${index + 1}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`,
      );
      return draft;
    }
    const validation = validateIoc(parsed.data.value, parsed.data.type);
    if (!validation.ok) problems.push(`row ${index + 1} (${draft.value}): ${validation.reason}`);
    else if (!sendableAs(parsed.data.value, validation.value))
      problems.push(`row ${index + 1} (${draft.value}): not in its normal form ${validation.value}`);
    return parsed.data;
  });
  if (problems.length > 0) {
    throw new Error(
      `Nothing was sent: ${problems.length} IOC${problems.length === 1 ? ' is' : 's are'} invalid (${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}).`,
    );
  }
  return checked;
}
