/**
 * What the extension stores ask of the package, kept in one place for wxt.config.ts and the tests
 * that check the zips (tests/e2e/store-package.ts).
 */

/**
 * Icon sizes in public/icon/, drawn by scripts/make-icons.mjs (its SIZES must match): 128 for the
 * Chrome Web Store and Edge listings, 16/32/48 for the toolbar and extensions page, 48 and 96 for
 * Firefox (1x and 2x).
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

/**
 * Firefox's manifest additions (added to the Firefox build only, by a hook in wxt.config.ts).
 * - `id`: AMO and signing require one for MV3; it is permanent once published.
 * - `strict_min_version` 140 (the ESR): the first release with built-in data consent, and past every
 *   API we use: MV3 background scripts (109), storage.session (115), optional_host_permissions (128).
 * - `data_collection_permissions` `none`: nothing goes to us or any third party; the extension talks
 *   only to the SentinelOne console the user configures, sending what the user asks it to.
 * - `gecko_android` 142: Firefox for Android reads data_collection_permissions from 142 on
 *   (web-ext lint warns KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION otherwise).
 */
export const FIREFOX_SETTINGS = {
  browser_specific_settings: {
    gecko: {
      id: 's1-ioc-manager@s1-ioc-manager',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  },
};
