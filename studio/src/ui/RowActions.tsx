import { Icon } from './Icon.js';

/** The edit / remove icon buttons at the end of a designer table row; `what` names the row ("field Name"). */
export function RowActions({ what, onEdit, onRemove }: { what: string; onEdit: () => void; onRemove: () => void }) {
  return (
    <td className="actions-col">
      <button type="button" className="btn btn-icon btn-ghost" aria-label={`Edit ${what}`} title="Edit" onClick={onEdit}>
        <Icon name="edit" />
      </button>
      <button type="button" className="btn btn-icon btn-ghost" aria-label={`Remove ${what}`} title="Remove" onClick={onRemove}>
        <Icon name="trash" />
      </button>
    </td>
  );
}
