import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { consoleOriginPattern, requestConsoleOrigin } from '../../../lib/settings/console-permission';

describe('consoleOriginPattern', () => {
  it.each([
    ['https://usea1-acme.sentinelone.net', null],
    ['https://s1.acme-mssp.example', 'https://s1.acme-mssp.example/*'],
    ['https://s1.example.com:8443', 'https://s1.example.com:8443/*'],
    ['https://sentinelone.net.evil.example', 'https://sentinelone.net.evil.example/*'],
  ])('%s needs %j', (url, pattern) => {
    expect(consoleOriginPattern(url)).toBe(pattern);
  });
});

describe('requestConsoleOrigin', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for nothing on a SentinelOne-hosted console', async () => {
    const request = vi.fn();
    fakeBrowser.permissions.request = request;
    await requestConsoleOrigin('https://usea1-acme.sentinelone.net');
    expect(request).not.toHaveBeenCalled();
  });

  it('asks for exactly the one origin of another console', async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request;
    await requestConsoleOrigin('https://s1.acme-mssp.example');
    expect(request).toHaveBeenCalledWith({ origins: ['https://s1.acme-mssp.example/*'] });
  });

  it('refuses to save when the analyst declines', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false);
    await expect(requestConsoleOrigin('https://s1.acme-mssp.example')).rejects.toThrow(
      'The extension may not reach https://s1.acme-mssp.example until you allow it. Nothing was sent or saved.',
    );
  });
});
