import { describe, expect, it } from 'vitest';
import { withSection } from './report';

const SECTION = '## Ten\n\nnew table\n';

describe('withSection', () => {
  it.each<[string, string, string]>([
    [
      'replaces the section up to the next heading',
      '# R\n\nmain\n\n## Ten\n\nold table\n\n## History\n\nnotes\n',
      '# R\n\nmain\n\n## Ten\n\nnew table\n\n## History\n\nnotes\n',
    ],
    [
      'replaces a last section',
      '# R\n\nmain\n\n## Ten\n\nold table\n',
      '# R\n\nmain\n\n## Ten\n\nnew table\n',
    ],
    [
      'inserts it before the history when there is none',
      '# R\n\nmain\n\n## History\n\nnotes\n',
      '# R\n\nmain\n\n## Ten\n\nnew table\n\n## History\n\nnotes\n',
    ],
    ['appends it when there is no history', '# R\n\nmain\n', '# R\n\nmain\n\n## Ten\n\nnew table\n'],
    [
      'leaves a heading that only starts the same alone',
      '# R\n\n## Tenants\n\nx\n\n## History\n',
      '# R\n\n## Tenants\n\nx\n\n## Ten\n\nnew table\n\n## History\n',
    ],
  ])('%s', (_name, document, expected) => {
    expect(withSection(document, '## Ten', SECTION)).toBe(expected);
  });
});
