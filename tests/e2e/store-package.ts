/**
 * A store package (.output/<name>-<version>-<browser>.zip, written by `npm run zip` and
 * `npm run zip:firefox`) read back as a store reads it: manifest.json at the root, and each icon the
 * manifest names inside the zip at the size its key says.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import JSZip from 'jszip';
import { ICON_SIZES } from '../../config/store';

/** The manifest fields the package checks read. */
export interface PackagedManifest {
  version: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: unknown };
  };
}

export interface StorePackage {
  file: string;
  bytes: number;
  names: string[];
  manifest: PackagedManifest;
  /** width x height of each PNG the manifest names, by path inside the zip. */
  pngSizes: Map<string, { width: number; height: number }>;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
export const PACKAGE_VERSION = pkg.version;

/** Where WXT's default artifactTemplate ({{name}}-{{version}}-{{browser}}.zip) puts the package. */
export const packagePath = (browser: 'chrome' | 'firefox') =>
  path.resolve('.output', `${pkg.name}-${pkg.version}-${browser}.zip`);

/** Width and height from a PNG's IHDR chunk, which the format puts first, right after the signature. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature || png.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The icon paths a manifest names under `icons` and `action.default_icon`, keyed "icons 16" etc. */
export function namedIcons(manifest: PackagedManifest): Map<string, string> {
  const named = new Map<string, string>();
  for (const [size, file] of Object.entries(manifest.icons ?? {})) named.set(`icons ${size}`, file);
  for (const [size, file] of Object.entries(manifest.action?.default_icon ?? {})) {
    named.set(`action.default_icon ${size}`, file);
  }
  return named;
}

/** Opens the zip (throwing if it is missing) and reads its manifest and the icons that names. */
export async function openStorePackage(file: string): Promise<StorePackage> {
  const data = readFileSync(file);
  const zip = await JSZip.loadAsync(data);
  const names = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name)
    .sort();
  const manifestText = await zip.file('manifest.json')?.async('string');
  if (manifestText === undefined) throw new Error(`${file}: no manifest.json at the root`);
  const manifest = JSON.parse(manifestText) as PackagedManifest;
  const pngSizes = new Map<string, { width: number; height: number }>();
  for (const icon of new Set(namedIcons(manifest).values())) {
    const png = await zip.file(icon)?.async('nodebuffer');
    if (png) pngSizes.set(icon, pngSize(png));
  }
  return { file, bytes: data.length, names, manifest, pngSizes };
}

/**
 * What every store asks of a package: the version of package.json (stores refuse an upload whose
 * version is not above the last), an icon at each size in config/store.ts under `icons` and
 * `action.default_icon`, each present at the size its key says, and no source maps.
 */
export function expectStoreReady(found: StorePackage): void {
  console.warn(`${path.basename(found.file)}: ${found.names.length} files, ${found.bytes} bytes`);
  expect(found.manifest.version).toBe(PACKAGE_VERSION);
  const sizes = ICON_SIZES.map(String);
  expect(Object.keys(found.manifest.icons ?? {}).sort()).toEqual([...sizes].sort());
  expect(Object.keys(found.manifest.action?.default_icon ?? {}).sort()).toEqual([...sizes].sort());
  for (const [key, file] of namedIcons(found.manifest)) {
    const size = Number(key.split(' ').at(-1));
    expect(found.pngSizes.get(file), `${key}: ${file}`).toEqual({ width: size, height: size });
  }
  expect(found.names.filter((name) => name.endsWith('.map'))).toEqual([]);
}
