import { describe, expect, it } from 'vitest';
import { checkedDrafts } from '../../../lib/iocs/checked-drafts';
import type { IocDraft, IocType } from '../../../lib/s1/schemas';

const SHA256 = 'beab9fadb100a44b3bc8ea4df3249aa6d93e710193be437adb5e47c2e201c1ef';
const draft = (type: IocType, value: string): IocDraft => ({ type, value, source: 'SOC', method: 'EQUALS' });

describe('checkedDrafts', () => {
  it.each<[string, IocType, string, string | null]>([
    ['the normal form', 'DNS', 'evil.com', null],
    ['a domain held in mixed case', 'DNS', 'Evil.COM', null],
    ['a hash held in upper case', 'SHA256', SHA256.toUpperCase(), null],
    ['an IPv6 address held with leading zeros', 'IPV6', '2001:db8:0:1eb7::0dc4', null],
    ['a URL held with an upper-case scheme and host', 'URL', 'HTTP://Evil.COM/X', null],
    ['a defanged domain', 'DNS', 'evil[.]com', 'not in its normal form evil.com'],
    ['a domain with a trailing dot', 'DNS', 'evil.com.', 'not in its normal form evil.com'],
    ['a URL without its scheme', 'URL', 'evil.com/x', 'not in its normal form http://evil.com/x'],
    ['an IPv4 address with /32', 'IPV4', '8.8.8.8/32', 'not in its normal form 8.8.8.8'],
    ['spaces around a value', 'DNS', ' evil.com ', 'not in its normal form evil.com'],
    ['an invalid value', 'IPV4', '300.1.1.1', 'not a valid IPv4 address'],
  ])('%s', (_name, type, value, refusal) => {
    const check = () => checkedDrafts([draft(type, value)]);
    if (refusal === null) expect(check()).toEqual([draft(type, value)]);
    else expect(check).toThrow(refusal);
  });
});
