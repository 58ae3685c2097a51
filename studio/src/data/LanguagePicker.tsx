/** The user menu's "Language" choice for the labels of the data screens (shown when the document has translations). */
import { useId } from 'react';
import { useMetadata } from '../app/metadata-context.js';
import { localeChoices } from './data-locale.js';
import { useDataLocale } from './use-data-locale.js';

export function LanguagePicker() {
  const { doc } = useMetadata();
  const { choice, choose } = useDataLocale();
  const id = useId();
  const choices = localeChoices(doc);
  if (choices.length < 2) return null;
  return (
    <div className="user-menu-language">
      <label htmlFor={id} className="muted small">Language of labels</label>
      <select id={id} value={choice} onChange={(e) => choose(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>{c.label}</option>
        ))}
      </select>
    </div>
  );
}
