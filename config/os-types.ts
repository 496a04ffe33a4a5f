/**
 * The operating systems the extension adds a hash to the Blocklist on, and network rules apply to.
 * The console also knows `windows_legacy`; the extension does not offer it.
 */
export const OS_TYPES = ['windows', 'macos', 'linux'] as const;
export type OsType = (typeof OS_TYPES)[number];
export const OS_LABELS: Readonly<Record<OsType, string>> = {
  windows: 'Windows',
  macos: 'macOS',
  linux: 'Linux',
};
