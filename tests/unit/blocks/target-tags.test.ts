import { describe, expect, it } from 'vitest';
import { type TaggedTarget, targetTagsNote } from '../../../lib/blocks/target-tags';

const t = (label: string, tagPrefix: string): TaggedTarget => ({ label, tagPrefix });

describe('targetTagsNote', () => {
  it.each<[string, TaggedTarget[], string | null]>([
    ['no target', [], null],
    ['one target', [t('Acme', '[ACME]')], null],
    ['every target the same tag', [t('Acme', '[SOC]'), t('Globex', ' [SOC] ')], null],
    ['every target untagged', [t('Acme', ''), t('Globex', '')], null],
    [
      'tags that differ, in the targets’ order',
      [t('Acme', '[ACME]'), t('Globex', '[GLOBEX]')],
      'Name and description are tagged per tenant: [ACME] in Acme, [GLOBEX] in Globex.',
    ],
    [
      'an untagged tenant says none',
      [t('Acme', '[ACME]'), t('Initech', '  ')],
      'Name and description are tagged per tenant: [ACME] in Acme, none in Initech.',
    ],
  ])('%s', (_label, targets, expected) => {
    expect(targetTagsNote(targets)).toBe(expected);
  });
});
