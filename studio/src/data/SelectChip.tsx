/** A select option shown as a colored chip. Colors: a palette name from the option, else by its position. */
import type { CSSProperties } from 'react';
import type { SelectOption } from '@trellis/metadata';

const PALETTE = ['blue', 'green', 'amber', 'purple', 'teal', 'pink', 'orange', 'indigo', 'red', 'gray'];

export function chipColor(options: SelectOption[] | undefined, value: string): { className: string; style?: CSSProperties } {
  const index = options?.findIndex((o) => o.value === value) ?? -1;
  const option = index >= 0 ? options![index] : undefined;
  const color = option?.color?.toLowerCase();
  if (color && PALETTE.includes(color)) return { className: `chip chip-${color}` };
  if (color && /^#[0-9a-f]{3,8}$/.test(color)) return { className: 'chip', style: { background: `${color}22`, color, borderColor: `${color}55` } };
  const fallback = PALETTE[(index >= 0 ? index : hash(value)) % PALETTE.length];
  return { className: `chip chip-${fallback}` };
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

export const optionLabel = (options: SelectOption[] | undefined, value: string): string =>
  options?.find((o) => o.value === value)?.label ?? value;

export function SelectChip({ options, value }: { options: SelectOption[] | undefined; value: string }) {
  const { className, style } = chipColor(options, value);
  return (
    <span className={className} style={style}>
      {optionLabel(options, value)}
    </span>
  );
}
