/**
 * A parser of STIX 2.1 patterning (STIX 2.1 specification, section 9 "STIX Patterning"), written
 * here because npm holds no maintained one (docs/stix-import.md says what was looked at). It turns a
 * pattern into a tree and knows nothing of SentinelOne: stix-pattern-iocs.ts says which trees become
 * IOCs.
 *
 * What it reads, as the specification's grammar has it:
 * - observation expressions `[ … ]`, joined by AND, OR and FOLLOWEDBY (weakest), grouped with `( )`,
 *   each followed by any of the qualifiers `WITHIN n SECONDS`, `REPEATS n TIMES`, `START t'…' STOP t'…'`;
 * - inside the brackets, comparisons joined by AND and OR (weakest) and grouped with `( )`:
 *   `path [NOT] op literal` with op one of `= == != <> < <= > >= IN LIKE MATCHES ISSUBSET ISSUPERSET`,
 *   and `EXISTS path`;
 * - object paths `type:prop.prop[0].'quoted key'[*]`;
 * - literals: strings `'…'` (only `\'` and `\\` may follow a backslash), numbers, `true`/`false`,
 *   `h'…'` hex, `b'…'` base64, `t'…'` timestamps, and `( … , … )` sets after IN;
 * - keywords in any case, as the grammar's letter fragments allow; white space and comments skipped.
 *
 * One leniency: an unquoted property name may hold a hyphen (`file:hashes.SHA-256`), which the
 * grammar keeps to quoted names but OpenCTI writes.
 */

import { PatternError, prefixedLiteral, type Token, tokenize } from './stix-pattern-tokens';

export type StixLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'hex' | 'binary' | 'timestamp'; value: string };

/** `hashes.'SHA-256'` is `[{key:'hashes'},{key:'SHA-256'}]`; `[0]` and `[*]` are indexes. */
export type StixPathStep = { key: string } | { index: number | '*' };

export interface StixObjectPath {
  objectType: string;
  steps: StixPathStep[];
}

export type StixOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'IN'
  | 'LIKE'
  | 'MATCHES'
  | 'ISSUBSET'
  | 'ISSUPERSET'
  | 'EXISTS';

export type StixComparison =
  | {
      kind: 'test';
      path: StixObjectPath;
      negated: boolean;
      operator: StixOperator;
      /** A list for IN, null for EXISTS. */
      value: StixLiteral | StixLiteral[] | null;
    }
  | { kind: 'and' | 'or'; left: StixComparison; right: StixComparison };

export type StixQualifier =
  | { kind: 'WITHIN'; seconds: number }
  | { kind: 'REPEATS'; times: number }
  | { kind: 'START'; start: string; stop: string };

export type StixObservation =
  | { kind: 'observation'; comparison: StixComparison; qualifiers: StixQualifier[] }
  | {
      kind: 'and' | 'or' | 'followedby';
      left: StixObservation;
      right: StixObservation;
      qualifiers: StixQualifier[];
    };

export type StixPatternParse =
  | { ok: true; pattern: StixObservation }
  | { ok: false /** 1-based, counted in characters of the pattern. */; column: number; message: string };

const OPERATOR_OF: Readonly<Record<string, StixOperator>> = {
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const WORD_OPERATORS = ['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'] as const;

class Parser {
  private next = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.next] as Token;
  }

  private take(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.next++;
    return token;
  }

  private isKeyword(keyword: string, token = this.peek()): boolean {
    return token.kind === 'word' && token.text.toUpperCase() === keyword;
  }

  private isPunct(punct: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === punct;
  }

  private fail(expected: string): never {
    const token = this.peek();
    const found = token.kind === 'end' ? 'the end of the pattern' : `"${token.text}"`;
    throw new PatternError(token.at, `expected ${expected} but found ${found}`);
  }

  private expectPunct(punct: string): void {
    if (!this.isPunct(punct)) this.fail(`"${punct}"`);
    this.take();
  }

  private expectKeyword(keyword: string): void {
    if (!this.isKeyword(keyword)) this.fail(keyword);
    this.take();
  }

  pattern(): StixObservation {
    if (this.peek().kind === 'end') throw new PatternError(0, 'the pattern is empty');
    const pattern = this.followedBy();
    if (this.peek().kind !== 'end') this.fail('AND, OR, FOLLOWEDBY or a qualifier');
    return pattern;
  }

  private followedBy(): StixObservation {
    let left = this.observationOr();
    while (this.isKeyword('FOLLOWEDBY')) {
      this.take();
      left = { kind: 'followedby', left, right: this.observationOr(), qualifiers: [] };
    }
    return left;
  }

  private observationOr(): StixObservation {
    let left = this.observationAnd();
    while (this.isKeyword('OR')) {
      this.take();
      left = { kind: 'or', left, right: this.observationAnd(), qualifiers: [] };
    }
    return left;
  }

  private observationAnd(): StixObservation {
    let left = this.observationUnit();
    while (this.isKeyword('AND')) {
      this.take();
      left = { kind: 'and', left, right: this.observationUnit(), qualifiers: [] };
    }
    return left;
  }

  private observationUnit(): StixObservation {
    let unit: StixObservation;
    if (this.isPunct('[')) {
      this.take();
      const comparison = this.comparisonOr();
      this.expectPunct(']');
      unit = { kind: 'observation', comparison, qualifiers: [] };
    } else if (this.isPunct('(')) {
      this.take();
      const inner = this.followedBy();
      this.expectPunct(')');
      unit = { ...inner, qualifiers: [...inner.qualifiers] };
    } else {
      this.fail('"[" to open an observation');
    }
    for (let qualifier = this.qualifier(); qualifier; qualifier = this.qualifier()) {
      unit.qualifiers.push(qualifier);
    }
    return unit;
  }

  private qualifier(): StixQualifier | null {
    if (this.isKeyword('WITHIN')) {
      this.take();
      const seconds = this.numberLiteral('a number of seconds');
      if (seconds <= 0)
        throw new PatternError(this.tokens[this.next - 1]?.at ?? 0, 'WITHIN needs a positive number');
      this.expectKeyword('SECONDS');
      return { kind: 'WITHIN', seconds };
    }
    if (this.isKeyword('REPEATS')) {
      this.take();
      const times = this.numberLiteral('a whole number of times');
      if (!Number.isInteger(times) || times <= 0) {
        throw new PatternError(this.tokens[this.next - 1]?.at ?? 0, 'REPEATS needs a positive whole number');
      }
      this.expectKeyword('TIMES');
      return { kind: 'REPEATS', times };
    }
    if (this.isKeyword('START')) {
      this.take();
      const start = this.timestampLiteral();
      this.expectKeyword('STOP');
      return { kind: 'START', start, stop: this.timestampLiteral() };
    }
    return null;
  }

  private numberLiteral(expected: string): number {
    const token = this.peek();
    if (token.kind !== 'literal' || token.literal.kind !== 'number') this.fail(expected);
    this.take();
    return token.literal.value;
  }

  /** START and STOP take `t'…'`; the grammar's older form with a plain quoted text is read too. */
  private timestampLiteral(): string {
    const token = this.peek();
    if (token.kind === 'literal' && token.literal.kind === 'timestamp') {
      this.take();
      return token.literal.value;
    }
    if (token.kind === 'literal' && token.literal.kind === 'string') {
      prefixedLiteral('t', token.literal.value, token.at);
      this.take();
      return token.literal.value;
    }
    this.fail("a timestamp like t'2026-01-31T12:00:00Z'");
  }

  private comparisonOr(): StixComparison {
    let left = this.comparisonAnd();
    while (this.isKeyword('OR')) {
      this.take();
      left = { kind: 'or', left, right: this.comparisonAnd() };
    }
    return left;
  }

  private comparisonAnd(): StixComparison {
    let left = this.propTest();
    while (this.isKeyword('AND')) {
      this.take();
      left = { kind: 'and', left, right: this.propTest() };
    }
    return left;
  }

  private propTest(): StixComparison {
    if (this.isPunct('(')) {
      this.take();
      const inner = this.comparisonOr();
      this.expectPunct(')');
      return inner;
    }
    if (this.isKeyword('EXISTS')) {
      this.take();
      return { kind: 'test', path: this.objectPath(), negated: false, operator: 'EXISTS', value: null };
    }
    const path = this.objectPath();
    const negated = this.isKeyword('NOT');
    if (negated) this.take();
    const token = this.peek();
    const operator =
      token.kind === 'op'
        ? OPERATOR_OF[token.text]
        : WORD_OPERATORS.find((word) => this.isKeyword(word, token));
    if (!operator) this.fail('a comparison operator such as =');
    this.take();
    return { kind: 'test', path, negated, operator, value: this.operand(operator) };
  }

  private operand(operator: StixOperator): StixLiteral | StixLiteral[] {
    if (operator === 'IN') {
      this.expectPunct('(');
      const items: StixLiteral[] = [];
      if (!this.isPunct(')')) {
        items.push(this.literal());
        while (this.isPunct(',')) {
          this.take();
          items.push(this.literal());
        }
      }
      this.expectPunct(')');
      return items;
    }
    const literal = this.literal();
    const wantsText = ['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(operator);
    if (wantsText && literal.kind !== 'string') {
      throw new PatternError(this.tokens[this.next - 1]?.at ?? 0, `${operator} needs a quoted text`);
    }
    return literal;
  }

  private literal(): StixLiteral {
    const token = this.peek();
    if (token.kind === 'literal') {
      this.take();
      return token.literal;
    }
    if (this.isKeyword('TRUE') || this.isKeyword('FALSE')) {
      this.take();
      return { kind: 'bool', value: token.text.toUpperCase() === 'TRUE' };
    }
    this.fail("a value such as 'text'");
  }

  private objectPath(): StixObjectPath {
    const type = this.peek();
    if (type.kind !== 'word') this.fail('an object path such as file:hashes.MD5');
    this.take();
    this.expectPunct(':');
    const steps: StixPathStep[] = [this.propertyName()];
    for (;;) {
      if (this.isPunct('.')) {
        this.take();
        steps.push(this.propertyName());
      } else if (this.isPunct('[') && this.isIndexStep()) {
        this.take();
        const index = this.take();
        steps.push({
          index: index.kind === 'punct' ? '*' : (index as { literal: { value: number } }).literal.value,
        });
        this.expectPunct(']');
      } else {
        return { objectType: type.text, steps };
      }
    }
  }

  /** `[0]` or `[*]` after a path; a `[` that opens anything else belongs to no path. */
  private isIndexStep(): boolean {
    const index = this.tokens[this.next + 1];
    const close = this.tokens[this.next + 2];
    const isIndex =
      (index?.kind === 'punct' && index.text === '*') ||
      (index?.kind === 'literal' && index.literal.kind === 'number' && Number.isInteger(index.literal.value));
    return isIndex && close?.kind === 'punct' && close.text === ']';
  }

  private propertyName(): StixPathStep {
    const token = this.peek();
    if (token.kind === 'word') {
      this.take();
      return { key: token.text };
    }
    if (token.kind === 'literal' && token.literal.kind === 'string') {
      this.take();
      return { key: token.literal.value };
    }
    this.fail('a property name');
  }
}

/** The tree of a STIX pattern, or where and why it breaks the grammar. Never throws. */
export function parseStixPattern(text: string): StixPatternParse {
  try {
    return { ok: true, pattern: new Parser(tokenize(text)).pattern() };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, column: error.at + 1, message: error.message };
    return { ok: false, column: 1, message: String(error) };
  }
}

/** A path written back the way the specification writes it: `file:hashes.'SHA-256'`. */
export function objectPathText(path: StixObjectPath): string {
  const steps = path.steps.map((step, i) => {
    if ('index' in step) return `[${step.index}]`;
    const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(step.key);
    const name = plain ? step.key : `'${step.key.replace(/[\\']/g, '\\$&')}'`;
    return i === 0 ? name : `.${name}`;
  });
  return `${path.objectType}:${steps.join('')}`;
}
