/**
 * Durations are stored as whole seconds and read and written by people as `1h 30m`, `2d 4h`, `45s`, `1:30`.
 * One parser and one formatter, shared by the studio's input, its list cells and anything else that shows them.
 */

const UNIT_SECONDS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1 };

/** Unit words (and abbreviations) people type, mapped to `w d h m s`. */
const UNIT_WORDS: Record<string, string> = {
  w: 'w', wk: 'w', wks: 'w', week: 'w', weeks: 'w',
  d: 'd', day: 'd', days: 'd',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
};

const PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)/gy;
const CLOCK = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/;
const NUMBER = /^\d+(?:[.,]\d+)?$/;

/**
 * Seconds in a duration written as units (`1h 30m`, `2d4h`, `1.5 hours`, `90 min`, `1w`), as a clock
 * (`1:30` = 1 h 30 min, `0:01:30` = 90 s) or as a bare number of minutes (`45`). A leading `-` negates.
 * Null when the text is blank or not a duration. Fractions of a second are rounded.
 */
export function parseDuration(text: string): number | null {
  let rest = text.trim().toLowerCase();
  let sign = 1;
  if (rest.startsWith('-')) {
    sign = -1;
    rest = rest.slice(1).trim();
  }
  if (rest === '') return null;
  let seconds: number | null = null;
  const clock = CLOCK.exec(rest);
  if (clock) {
    seconds = Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  } else if (NUMBER.test(rest)) {
    seconds = Number(rest.replace(',', '.')) * 60;
  } else {
    seconds = parseUnits(rest);
  }
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const rounded = Math.round(seconds) * sign;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function parseUnits(text: string): number | null {
  let total = 0;
  let index = 0;
  let parts = 0;
  while (index < text.length) {
    const gap = /[\s,]*(?:and\s+)?/y;
    gap.lastIndex = index;
    gap.exec(text);
    index = gap.lastIndex;
    if (index >= text.length) break;
    PART.lastIndex = index;
    const match = PART.exec(text);
    if (!match) return null;
    const unit = UNIT_WORDS[match[2]!];
    if (!unit) return null;
    total += Number(match[1]!.replace(',', '.')) * UNIT_SECONDS[unit]!;
    index = PART.lastIndex;
    parts++;
  }
  return parts > 0 ? total : null;
}

const UNITS: [string, number, string][] = [
  ['d', 86400, 'day'],
  ['h', 3600, 'hour'],
  ['m', 60, 'minute'],
  ['s', 1, 'second'],
];

function split(seconds: number): [string, number, string][] {
  let rest = Math.round(Math.abs(seconds));
  const parts: [string, number, string][] = [];
  for (const [unit, size, word] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push([unit, count, word]);
  }
  return parts;
}

/** `5400` → `1h 30m`, `187200` → `2d 4h`, `45` → `45s`, `0` → `0m`; null/undefined → ''. Days are 24 h. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const parts = split(seconds);
  if (parts.length === 0) return '0m';
  return (seconds < 0 ? '-' : '') + parts.map(([unit, count]) => `${count}${unit}`).join(' ');
}

/** The same in words, for screen readers and titles: `5400` → `1 hour 30 minutes`. */
export function formatDurationLong(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '';
  const parts = split(seconds);
  if (parts.length === 0) return '0 minutes';
  return (seconds < 0 ? 'minus ' : '') + parts.map(([, count, word]) => `${count} ${word}${count === 1 ? '' : 's'}`).join(' ');
}
