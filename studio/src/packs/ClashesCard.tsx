/**
 * The name clashes of a pack preview (an install, or an upgrade installing new dependencies): one row per
 * component the workspace already has, each decided "Keep mine" or "Take pack's" — never a silent overwrite.
 */
import type { ClashChoice, PackClash } from '../api/packs-api.js';
import { ChoiceButton } from './ConflictCard.js';
import { progressText } from './pack-decisions.js';
import { pathInWords } from './pack-words.js';

interface Props {
  clashes: PackClash[];
  chosen: Record<string, ClashChoice | undefined>;
  onChoose: (path: string, choice: ClashChoice) => void;
  /** Why these clashes come up, under the title. */
  note: string;
}

export function ClashesCard({ clashes, chosen, onChoose, note }: Props) {
  if (clashes.length === 0) return null;
  const open = clashes.filter((c) => !chosen[c.path]).length;
  return (
    <section className="card" aria-labelledby="pack-clashes-title">
      <h2 id="pack-clashes-title" className="card-title">
        Name clashes <span className="count">{progressText(clashes.length, open, 'clash')}</span>
      </h2>
      <p className="muted small">{note}</p>
      <ul className="pack-clashes" aria-label="Name clashes">
        {clashes.map((clash) => (
          <ClashItem key={clash.path} path={clash.path} message={clash.message} choice={chosen[clash.path]} onChoose={(c) => onChoose(clash.path, c)} />
        ))}
      </ul>
    </section>
  );
}

function ClashItem({ path, message, choice, onChoose }: { path: string; message: string; choice: ClashChoice | undefined; onChoose: (c: ClashChoice) => void }) {
  const words = pathInWords(path);
  const id = `clash-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li className={choice ? 'pack-clash decided' : 'pack-clash'} aria-labelledby={id}>
      <div className="pack-clash-text">
        <strong id={id}>{words}</strong>
        <span className="small">{message}</span>
      </div>
      <div className="pack-choice" role="group" aria-label={`Choice for ${words}`}>
        <ChoiceButton pressed={choice === 'keepMine'} onClick={() => onChoose('keepMine')}>
          Keep mine
        </ChoiceButton>
        <ChoiceButton pressed={choice === 'takePack'} onClick={() => onChoose('takePack')}>
          Take pack's
        </ChoiceButton>
      </div>
    </li>
  );
}
