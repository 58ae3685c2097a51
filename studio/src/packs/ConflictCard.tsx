/**
 * One upgrade conflict: where it is (in words), what each side did, the three values side by side and the
 * decision — "Keep mine", "Take pack's" or "Edit" (a JSON value typed here).
 */
import { useId } from 'react';
import type { PackConflict } from '../api/packs-api.js';
import { initialEditText, parseEditedValue, type ConflictChoice } from './pack-decisions.js';
import { pathInWords } from './pack-words.js';
import { ValueColumns } from './ValueColumns.js';

const KIND_WORDS: Record<string, string> = {
  bothChanged: 'Changed on both sides',
  bothAdded: 'Added on both sides',
  deletedByUs: 'You deleted it',
  deletedByThem: 'The pack removes it',
  renamedByBoth: 'Renamed on both sides',
  renameClash: 'Name already used',
};

interface Props {
  conflict: PackConflict;
  choice: ConflictChoice | undefined;
  packVersion: string;
  onChoose: (choice: ConflictChoice | undefined) => void;
}

export function ConflictCard({ conflict, choice, packVersion, onChoose }: Props) {
  const titleId = useId();
  const editId = useId();
  const words = pathInWords(conflict.path);
  const editing = choice?.kind === 'edit';
  const parsed = editing ? parseEditedValue(choice.text) : null;
  const decided = !!choice && !(parsed && 'error' in parsed);
  return (
    <li className={decided ? 'card pack-conflict decided' : 'card pack-conflict'} aria-labelledby={titleId}>
      <header className="pack-conflict-header">
        <h3 id={titleId}>{words}</h3>
        <span className="badge badge-amber">{KIND_WORDS[conflict.kind] ?? conflict.kind}</span>
        {decided && <span className="badge badge-green">Decided</span>}
      </header>
      <p className="pack-conflict-message">{conflict.message}</p>
      <p className="muted small">
        <code>{conflict.path}</code>
      </p>
      <ValueColumns base={conflict.base} ours={conflict.ours} theirs={conflict.theirs} packVersion={packVersion} />
      <div className="pack-choice" role="group" aria-label={`Decision for ${words}`}>
        <ChoiceButton pressed={choice?.kind === 'ours'} onClick={() => onChoose({ kind: 'ours' })}>
          Keep mine
        </ChoiceButton>
        <ChoiceButton pressed={choice?.kind === 'theirs'} onClick={() => onChoose({ kind: 'theirs' })}>
          Take pack's
        </ChoiceButton>
        <ChoiceButton pressed={editing} onClick={() => onChoose(editing ? choice : { kind: 'edit', text: initialEditText(conflict) })}>
          Edit
        </ChoiceButton>
        {choice && (
          <button type="button" className="btn btn-small btn-ghost" onClick={() => onChoose(undefined)}>
            Undecide
          </button>
        )}
      </div>
      {editing && (
        <div className="field pack-edit">
          <label className="field-label" htmlFor={editId}>
            Edited value
          </label>
          <textarea
            id={editId}
            className="input pack-edit-text"
            spellCheck={false}
            rows={Math.min(14, Math.max(3, choice.text.split('\n').length + 1))}
            value={choice.text}
            aria-invalid={parsed && 'error' in parsed ? true : undefined}
            aria-describedby={`${editId}-help`}
            onChange={(e) => onChoose({ kind: 'edit', text: e.target.value })}
          />
          <p id={`${editId}-help`} className={parsed && 'error' in parsed ? 'field-error' : 'field-help'}>
            {parsed && 'error' in parsed ? parsed.error : 'JSON: this value replaces both sides.'}
          </p>
        </div>
      )}
    </li>
  );
}

export function ChoiceButton({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: string }) {
  return (
    <button type="button" className={pressed ? 'btn btn-small btn-active' : 'btn btn-small'} aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  );
}
