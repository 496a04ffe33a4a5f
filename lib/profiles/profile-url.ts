/**
 * The profile a page is about, named in its URL (`?profile=p2`), so that a bookmark or a reload opens
 * the same tenant. The first profile is the URL without the parameter: the single-profile user's
 * addresses never change.
 */
import { FIRST_PROFILE_ID, PROFILE_ID_PATTERN } from './profile-list';

const PARAMETER = 'profile';

/** The profile a page's query string names; the first profile when it names none (or nothing valid). */
export function profileIdInSearch(search: string): string {
  const named = new URLSearchParams(search).get(PARAMETER);
  return named && PROFILE_ID_PATTERN.test(named) ? named : FIRST_PROFILE_ID;
}

/** `search` pointed at `profileId`, its other parameters kept ('' when nothing is left). */
export function searchForProfile(search: string, profileId: string): string {
  const params = new URLSearchParams(search);
  if (profileId === FIRST_PROFILE_ID) params.delete(PARAMETER);
  else params.set(PARAMETER, profileId);
  const text = params.toString();
  return text ? `?${text}` : '';
}
