/**
 * What the extension stores ask of the package, kept in one place for wxt.config.ts and the tests
 * that check the zips.
 */

/**
 * Icon sizes in public/icon/, drawn by scripts/make-icons.mjs (its SIZES must match): 128 for the
 * Chrome Web Store and Edge listings, 16/32/48 for the toolbar and extensions page, 48 and 96 for
 * Firefox (1x and 2x).
 */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
