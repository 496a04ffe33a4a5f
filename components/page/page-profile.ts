/**
 * The profile this page is about, for its whole life: the manager and the review sheet name it in
 * their URL (lib/profiles/profile-url.ts), so switching profile loads the page anew rather than
 * re-pointing every cache and watcher it holds.
 */
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { type Protocol, sendMessage } from '../../lib/messages';
import { profileIdInSearch } from '../../lib/profiles/profile-url';

export const pageProfileId = profileIdInSearch(location.search);

/** Sends `name` about this page's profile. */
export function sendAboutPage<K extends keyof Protocol>(
  name: K,
  request: GetDataType<Protocol[K]>,
): Promise<GetReturnType<Protocol[K]>> {
  return sendMessage(name, request, pageProfileId);
}
