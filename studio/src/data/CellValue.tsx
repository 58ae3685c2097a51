/** How one value reads in a table cell, by field type. */
import type { FieldDefinition, MetadataDocument } from '@trellis/metadata';
import { href } from '../app/router.js';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, type Money } from '../lib/format.js';
import { cellText } from '../lib/field-values.js';
import { widgetOf } from '../lib/field-types.js';
import { recordLabel } from '../api/record-queries.js';
import { DirectoryName } from './DirectoryName.js';
import { SelectChip } from './SelectChip.js';

interface Props {
  doc: MetadataDocument;
  field: FieldDefinition | undefined;
  /** System fields (createdAt…) have no definition; their name tells the type. */
  name: string;
  value: unknown;
}

export function CellValue({ doc, field, name, value }: Props) {
  if (value === null || value === undefined || value === '') return null;
  if (!field) {
    if (name === 'createdAt' || name === 'updatedAt') return <>{formatDateTime(String(value))}</>;
    if (name === 'owner') return <DirectoryName kind="user" id={String(value)} />;
    if (name === 'team') return <DirectoryName kind="team" id={String(value)} />;
    return <>{String(value)}</>;
  }
  // Widgets that read as text (stars, 1h 30m, a rich text's plain text, INV-00042): never HTML in a cell.
  const widget = widgetOf(field.type);
  const custom = cellText(widget, field, value);
  if (custom) {
    if (!custom.label) return <span className={`cell-${widget}`}>{custom.text}</span>;
    return (
      <span className={`cell-${widget}`} title={custom.label}>
        <span aria-hidden="true">{custom.text}</span>
        <span className="visually-hidden">{custom.label}</span>
      </span>
    );
  }
  switch (field.type) {
    case 'currency':
      return <span className="num">{formatMoney(value as Money)}</span>;
    case 'integer':
    case 'decimal':
      return <span className="num">{formatNumber(value as number)}</span>;
    case 'percent':
      return <span className="num">{formatPercent(value as number)}</span>;
    case 'boolean':
      return value ? (
        <span className="bool-yes" aria-label="Yes" title="Yes">✓</span>
      ) : (
        <span className="visually-hidden">No</span>
      );
    case 'date':
      return <>{formatDate(String(value))}</>;
    case 'dateTime':
      return <>{formatDateTime(String(value))}</>;
    case 'select':
      return <SelectChip options={field.options} value={String(value)} />;
    case 'multiSelect':
      return (
        <span className="chips">
          {(Array.isArray(value) ? value : []).map((v) => (
            <SelectChip key={String(v)} options={field.options} value={String(v)} />
          ))}
        </span>
      );
    case 'url':
      return (
        <a href={String(value)} target="_blank" rel="noreferrer noopener" onClick={(e) => e.stopPropagation()}>
          {String(value).replace(/^https?:\/\//, '')}
        </a>
      );
    case 'email':
      return (
        <a href={`mailto:${String(value)}`} onClick={(e) => e.stopPropagation()}>
          {String(value)}
        </a>
      );
    case 'json':
      return <code className="cell-json">{JSON.stringify(value)}</code>;
    case 'longText':
      return <span className="cell-long">{String(value)}</span>;
    case 'relation': {
      const target = field.target ?? '';
      const refs = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
      return (
        <span className="refs">
          {refs.map((ref, i) => (
            <span key={String(ref.id)}>
              {i > 0 && ', '}
              <a className="ref-link" href={href(`/data/${target}/${String(ref.id)}`)} onClick={(e) => e.stopPropagation()}>
                {recordLabel(doc, target, ref)}
              </a>
            </span>
          ))}
        </span>
      );
    }
    default:
      return <>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</>;
  }
}
