/**
 * Where a JSON pointer's value sits in JSON text (character offsets), so problems found on the parsed value
 * (`/and/1/!/var`) can be underlined in the editor. A small scanner over valid JSON; null on anything else.
 */

export interface TextRange {
  start: number;
  end: number;
}

const unescape = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/** Splits a JSON pointer into its segments (`''` → []). */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.replace(/^\//, '').split('/').map(unescape);
}

class Scanner {
  i = 0;
  constructor(readonly text: string) {}

  ws(): void {
    while (this.i < this.text.length && /\s/.test(this.text[this.i])) this.i++;
  }

  /** Skips one value; returns its range. */
  value(): TextRange {
    this.ws();
    const start = this.i;
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      this.i++;
      this.ws();
      if (this.text[this.i] === close) {
        this.i++;
        return { start, end: this.i };
      }
      for (;;) {
        if (c === '{') {
          this.string();
          this.ws();
          this.expect(':');
        }
        this.value();
        this.ws();
        if (this.text[this.i] === ',') {
          this.i++;
          continue;
        }
        this.expect(close);
        return { start, end: this.i };
      }
    }
    if (c === '"') {
      this.string();
      return { start, end: this.i };
    }
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(this.i));
    if (!m) throw new Error('not JSON');
    this.i += m[0].length;
    return { start, end: this.i };
  }

  string(): string {
    this.ws();
    this.expect('"');
    const start = this.i;
    while (this.i < this.text.length && this.text[this.i] !== '"') this.i += this.text[this.i] === '\\' ? 2 : 1;
    const raw = this.text.slice(start, this.i);
    this.expect('"');
    return JSON.parse(`"${raw}"`) as string;
  }

  expect(ch: string): void {
    if (this.text[this.i] !== ch) throw new Error(`expected ${ch}`);
    this.i++;
  }

  /** Finds the range of the value at `segments` below the value starting here. */
  find(segments: string[]): TextRange | null {
    if (segments.length === 0) return this.value();
    this.ws();
    const c = this.text[this.i];
    const [head, ...rest] = segments;
    if (c === '{') {
      this.i++;
      this.ws();
      if (this.text[this.i] === '}') return null;
      for (;;) {
        const key = this.string();
        this.ws();
        this.expect(':');
        if (key === head) return this.find(rest);
        this.value();
        this.ws();
        if (this.text[this.i] !== ',') return null;
        this.i++;
      }
    }
    if (c === '[') {
      const index = Number(head);
      if (!Number.isInteger(index)) return null;
      this.i++;
      this.ws();
      if (this.text[this.i] === ']') return null;
      for (let n = 0; ; n++) {
        if (n === index) return this.find(rest);
        this.value();
        this.ws();
        if (this.text[this.i] !== ',') return null;
        this.i++;
      }
    }
    return null;
  }
}

/**
 * The range of the value at `pointer` in `text`. A pointer that stops at an operator key (`/and/1/!`, as
 * problems about an operator do) points at that operation's value. Null when the text is not valid JSON
 * or nothing is there.
 */
export function locatePointer(text: string, pointer: string): TextRange | null {
  try {
    return new Scanner(text).find(pointerSegments(pointer));
  } catch {
    return null;
  }
}

/** 1-based line and column of an offset (what editors show). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
