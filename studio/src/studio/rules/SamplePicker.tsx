/**
 * Chooses the sample a rule is tested (or a formula previewed) against: an existing record found by search,
 * or JSON typed by hand; optionally a previous version, which makes the test an update.
 */
import { useEffect, useId, useState } from 'react';
import type { MetadataDocument } from '@trellis/metadata';
import type { RecordValues } from '@trellis/runtime';
import { useMetadata } from '../../app/metadata-context.js';
import { RelationPicker } from '../../data/RelationPicker.js';
import { blankSample, fetchSample, withDraftFields } from './sample-record.js';
import type { RuleSample } from './rule-test.js';
import { useSession } from '../../auth/session-context.js';
import { ruleUserOf } from '../../data/form-rules.js';

interface Props {
  doc: MetadataDocument;
  entity: string;
  /** Offer a previous version (rules and conditions); formulas only see the record. */
  withPrevious: boolean;
  onSample: (sample: RuleSample | null) => void;
  /** "Test with record" / "Preview with record". */
  recordLabel?: string;
  /** Called with the chosen record's id (e.g. to load its related records for a roll-up preview). */
  onRecordId?: (id: string | null) => void;
  /** Help under the record picker. */
  help?: string;
}

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

function parseValues(text: string): { values?: RecordValues; error?: string } {
  try {
    const v = JSON.parse(text) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { error: 'Write an object of field values, e.g. {"stage": "won"}.' };
    return { values: v as RecordValues };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}

export function SamplePicker({
  doc,
  entity,
  withPrevious,
  onSample,
  recordLabel = 'Test with record',
  onRecordId,
  help = 'Pick an existing record, then change its values below to see what the rule does.',
}: Props) {
  const { doc: published } = useMetadata();
  const { user } = useSession();
  const ruleUser = ruleUserOf(user);
  const id = useId();
  const isPublished = !!published.entities[entity];
  const [recordId, setRecordId] = useState<string | null>(null);
  const [recordName, setRecordName] = useState<string | undefined>();
  const [text, setText] = useState(() => pretty(blankSample(doc, entity)));
  const [update, setUpdate] = useState(false);
  const [previousText, setPreviousText] = useState(() => pretty(blankSample(doc, entity)));
  const [loadError, setLoadError] = useState<string | null>(null);

  const record = parseValues(text);
  const previous = update ? parseValues(previousText) : { values: undefined };

  useEffect(() => {
    if (record.error || previous.error) onSample(null);
    else onSample({ record: record.values!, previous: update ? previous.values ?? null : null, user: ruleUser });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, previousText, update]);

  const load = async (choice: { id: string; label: string } | null) => {
    setRecordId(choice?.id ?? null);
    setRecordName(choice?.label);
    onRecordId?.(choice?.id ?? null);
    setLoadError(null);
    if (!choice) return;
    try {
      const values = await fetchSample(published, entity, choice.id);
      if (!values) {
        setLoadError('That record no longer exists.');
        return;
      }
      const sample = pretty(withDraftFields(doc, entity, values));
      setText(sample);
      setPreviousText(sample);
    } catch (e) {
      setLoadError(`Could not load the record: ${(e as Error).message}`);
    }
  };

  return (
    <div className="sample-picker stack">
      {isPublished ? (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-record`}>
            {recordLabel}
          </label>
          <RelationPicker
            doc={published}
            target={entity}
            id={`${id}-record`}
            fieldLabel={recordLabel.toLowerCase()}
            value={recordId}
            label={recordName}
            onChange={(c) => void load(c)}
          />
          <p className="field-help">{help}</p>
        </div>
      ) : (
        <p className="muted small">This entity is not published yet: edit the sample below.</p>
      )}
      {loadError && <p className="field-error">{loadError}</p>}
      <div className={record.error ? 'field invalid' : 'field'}>
        <label className="field-label" htmlFor={`${id}-json`}>
          Sample record (JSON)
        </label>
        <textarea id={`${id}-json`} className="input mono sample-json" rows={7} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        {record.error && <p className="field-error">{record.error}</p>}
      </div>
      {withPrevious && (
        <label className="check">
          <input type="checkbox" checked={update} onChange={(e) => setUpdate(e.target.checked)} />
          <span>Test as an update of a previous version</span>
        </label>
      )}
      {withPrevious && update && (
        <div className={previous.error ? 'field invalid' : 'field'}>
          <label className="field-label" htmlFor={`${id}-previous`}>
            Previous version (JSON)
          </label>
          <textarea
            id={`${id}-previous`}
            className="input mono sample-json"
            rows={5}
            spellCheck={false}
            value={previousText}
            onChange={(e) => setPreviousText(e.target.value)}
          />
          {previous.error && <p className="field-error">{previous.error}</p>}
        </div>
      )}
    </div>
  );
}
