import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FIREFOX_SETTINGS, ICON_SIZES } from './config/store';
import { inlineStylesheets } from './config/vite-inline-css';
import { yamlAsData } from './config/vite-yaml';

// Every permission is justified in README.md ("Permissions"); tests/unit/manifest.test.ts keeps the two in step.
export default defineConfig({
  imports: false,
  vite: () => ({
    plugins: [preact(), yamlAsData(), inlineStylesheets()],
    // Fewer files per page: each file an extension page loads costs ~20 ms on a 2-core machine
    // before any code runs, and the popup's answer waited behind nine. Each page's own stylesheet
    // written into it (vite-inline-css.ts; split per page, so the popup carries ~6 KB, not the
    // manager's 15), and chunks under 20 KB merged into those that import them: the popup's look-up
    // answered ~20 ms sooner, and ~10 ms more with the stylesheet inlined (tests/bench/results.md).
    build: {
      cssCodeSplit: true,
      rollupOptions: { output: { experimentalMinChunkSize: 20_000 } },
    },
  }),
  manifest: {
    name: 'S1 IOC Manager',
    description: 'Manage SentinelOne Threat Intelligence IOCs: browse, look up, block.',
    // The toolbar button; its badge shows sync progress. WXT fills `icons` from public/icon/ but
    // leaves the button's own icon unset, so it is listed here from the same files.
    action: {
      default_title: 'S1 IOC Manager',
      default_icon: Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`])),
    },
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'contextMenus',
      'notifications',
      'activeTab',
      'scripting',
    ],
    // A key for the toolbar popup from any tab (no permission needed). Ctrl+Shift+Y is free in
    // Chrome; the analyst may change it at chrome://extensions/shortcuts. lib/ui/shortcuts.ts lists
    // it in the manager (tests/unit/manifest.test.ts keeps the two the same).
    commands: {
      _execute_action: {
        suggested_key: { default: 'Ctrl+Shift+Y', mac: 'Command+Shift+Y' },
        description: 'Open the look-up popup',
      },
    },
    host_permissions: ['https://*.sentinelone.net/*'],
    // A console on another domain is granted for its one origin at run time (permissions.request).
    optional_host_permissions: ['https://*/*'],
    // Stricter than MV3's default: scripts only from the package, no plugins, no <base> to re-point
    // relative URLs, no framing of our pages by a site, and no form that navigates anywhere (the
    // Settings form is handled in script). Styles are not restricted: each page has its stylesheet
    // written into it (config/vite-inline-css.ts).
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    },
  },
  hooks: {
    // Firefox only: Chrome warns "Unrecognized manifest key" on browser_specific_settings.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox') Object.assign(manifest, FIREFOX_SETTINGS);
    },
  },
  // The sources zip goes to Firefox's reviewers to rebuild the package: tests and their reports
  // are not part of it (and tests/certs holds a test-only private key).
  zip: { excludeSources: ['tests/**', 'reports/**', 'test-results/**', 'playwright-report/**'] },
});
