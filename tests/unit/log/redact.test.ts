import { describe, expect, it } from 'vitest';
import { REDACTED, redact, registerSecret } from '../../../lib/log/redact';

describe('redact', () => {
  registerSecret('s3cr3t-token-value-42');
  registerSecret('short');

  it.each([
    ['plain text', 'plain text'],
    ['The API token is invalid or has expired', 'The API token is invalid or has expired'],
    ['sent s3cr3t-token-value-42 twice: s3cr3t-token-value-42', `sent ${REDACTED} twice: ${REDACTED}`],
    ['Authorization: ApiToken abcdefghijklmnop0123', `Authorization: ApiToken ${REDACTED}`],
    ['{"Authorization":"Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"}', `{"Authorization":"Bearer ${REDACTED}"}`],
    ['token=abcdefghijklmnopqrstuvwxyz', `token=${REDACTED}`],
    ['a short word stays', 'a short word stays'],
  ])('%j becomes %j', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });
});
