/**
 * "2,000": a count as every sentence the product writes shows it, grouped the en-US way whatever the
 * browser's locale, so the console's figures, the extension's and the tests' read alike.
 */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}
