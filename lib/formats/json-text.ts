/**
 * JSON.parse with a line and column when the text is not JSON. Engines word their errors
 * differently and some give no position at all ("Unexpected token ']'"), so when JSON.parse fails a
 * small scanner of the JSON grammar (RFC 8259) walks the text again to find where it breaks.
 */

export type JsonRead =
  | { ok: true; value: unknown }
  | { ok: false; line: number; column: number; message: string };

class JsonBreak extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

const WS = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const STRING_ESCAPE = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/** Walks one JSON text; throws JsonBreak at the first character that breaks the grammar. */
class Scanner {
  private i = 0;

  constructor(private readonly text: string) {}

  run(): void {
    this.space();
    if (this.i >= this.text.length) throw new JsonBreak(this.i, 'the text is empty');
    this.value();
    this.space();
    if (this.i < this.text.length)
      throw new JsonBreak(this.i, 'unexpected text after the end of the JSON value');
  }

  private space(): void {
    while (WS.has(this.text[this.i] as string)) this.i++;
  }

  private found(): string {
    return this.i >= this.text.length ? 'the end of the text' : JSON.stringify(this.text[this.i]);
  }

  private expect(char: string, what: string): void {
    this.space();
    if (this.text[this.i] !== char) throw new JsonBreak(this.i, `expected ${what} but found ${this.found()}`);
    this.i++;
  }

  private value(): void {
    this.space();
    const char = this.text[this.i];
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else {
      const rest = this.text.slice(this.i, this.i + 400);
      const literal = LITERALS.find((word) => rest.startsWith(word));
      const number = NUMBER.exec(rest)?.[0];
      const length = literal?.length ?? number?.length;
      if (!length) throw new JsonBreak(this.i, `expected a value but found ${this.found()}`);
      this.i += length;
    }
  }

  private object(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"')
        throw new JsonBreak(this.i, `expected a "quoted" key but found ${this.found()}`);
      this.string();
      this.expect(':', '":"');
      this.value();
      this.space();
      if (this.text[this.i] === '}') {
        this.i++;
        return;
      }
      this.expect(',', '"," or "}"');
    }
  }

  private array(): void {
    this.i++;
    this.space();
    if (this.text[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      if (this.text[this.i] === ']') {
        this.i++;
        return;
      }
      this.expect(',', '"," or "]"');
    }
  }

  private string(): void {
    const open = this.i;
    this.i++;
    while (this.i < this.text.length) {
      const char = this.text[this.i] as string;
      if (char === '"') {
        this.i++;
        return;
      }
      if (char === '\\') {
        if (!STRING_ESCAPE.test(this.text.slice(this.i + 1, this.i + 6))) {
          throw new JsonBreak(this.i, 'a backslash in a string starts no valid escape');
        }
        this.i += this.text[this.i + 1] === 'u' ? 6 : 2;
      } else if (char < ' ') {
        throw new JsonBreak(this.i, 'a control character (such as a line break) inside a string');
      } else {
        this.i++;
      }
    }
    throw new JsonBreak(open, 'the string that starts here is not closed');
  }
}

/** 1-based line and column of `offset`, counting `\r\n`, `\n` and `\r` as line breaks. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The value of a JSON text, or the line and column where it stops being JSON. Never throws. */
export function readJson(text: string): JsonRead {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (parseError) {
    try {
      new Scanner(source).run();
    } catch (error) {
      if (error instanceof JsonBreak)
        return { ok: false, ...lineAndColumn(source, error.at), message: error.message };
    }
    // The scanner found nothing JSON.parse did (it should not happen): keep JSON.parse's own words.
    return { ok: false, line: 1, column: 1, message: String(parseError) };
  }
}
