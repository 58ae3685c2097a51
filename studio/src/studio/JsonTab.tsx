/** The whole draft as JSON in monaco, checked against the metadata JSON Schema and validateDocument. Lazy-loaded. */
import { useEffect, useMemo, useState } from 'react';
import Editor from '@monaco-editor/react';
import * as metadata from '@trellis/metadata';
import type { MetadataDocument } from '@trellis/metadata';
import { useDraft } from '../app/draft-context.js';
import { stableStringify } from '../lib/stable.js';
import { DOCUMENT_MODEL_URI, setDocumentSchema } from './monaco-setup.js';

function documentSchema(): unknown {
  const build = (metadata as Record<string, unknown>).buildDocumentSchema;
  try {
    return typeof build === 'function' ? (build as () => unknown)() : undefined;
  } catch {
    return undefined;
  }
}

/** `focusEntity`: the entity whose definition is scrolled into view when the editor opens. */
export default function JsonTab({ focusEntity }: { focusEntity?: string }) {
  const { draft, replace } = useDraft();
  const pretty = useMemo(() => JSON.stringify(draft, null, 2), [draft]);
  const [text, setText] = useState(pretty);
  const [base, setBase] = useState(pretty);

  useEffect(() => setDocumentSchema(documentSchema()), []);
  // Follow outside edits (undo, other tabs) while the text has no edits of its own.
  useEffect(() => {
    if (text === base && pretty !== base) {
      setText(pretty);
      setBase(pretty);
    }
  }, [pretty, text, base]);

  const parsed = useMemo((): { doc?: MetadataDocument; error?: string } => {
    try {
      const value = JSON.parse(text) as MetadataDocument;
      if (!value || typeof value !== 'object' || typeof value.entities !== 'object' || value.entities === null) {
        return { error: 'The document must be an object with an "entities" object.' };
      }
      return { doc: value };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [text]);
  const problems = useMemo(() => (parsed.doc ? metadata.validateDocument(parsed.doc) : []), [parsed.doc]);
  const edited = text !== base;
  const changed = !!parsed.doc && stableStringify(parsed.doc) !== stableStringify(draft);

  return (
    <div className="json-tab">
      <div className="json-toolbar">
        <p className="muted small">The whole draft document. Edit it here and apply, or keep using the designer.</p>
        <span className="spacer" />
        <button type="button" className="btn" disabled={!edited} onClick={() => setText(base)}>
          Revert
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!edited || !changed || !!parsed.error}
          onClick={() => {
            replace(parsed.doc!);
            const next = JSON.stringify(parsed.doc, null, 2);
            setText(next);
            setBase(next);
          }}
        >
          Apply JSON to draft
        </button>
      </div>
      <div className="json-editor" aria-label="Draft metadata JSON">
        <Editor
          height="62vh"
          language="json"
          path={DOCUMENT_MODEL_URI}
          value={text}
          onChange={(v) => setText(v ?? '')}
          onMount={(editor) => {
            if (!focusEntity) return;
            const needle = `    ${JSON.stringify(focusEntity)}: {`;
            const line = (editor.getValue() as string).split('\n').findIndex((l) => l.startsWith(needle));
            if (line >= 0) {
              editor.revealLineNearTop(line + 1);
              editor.setPosition({ lineNumber: line + 1, column: 5 });
            }
          }}
          options={{
            ariaLabel: 'Draft metadata JSON',
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 2,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            wordWrap: 'on',
          }}
        />
      </div>
      {parsed.error && (
        <p className="field-error" role="alert">
          Not valid JSON: {parsed.error}
        </p>
      )}
      {!parsed.error && problems.length > 0 && (
        <div className="banner banner-warning">
          <div className="banner-text">
            <strong>
              {problems.length} problem{problems.length === 1 ? '' : 's'} in this JSON
            </strong>
            <ul className="problem-list">
              {problems.slice(0, 30).map((p, i) => (
                <li key={i}>
                  <code>{p.path || '/'}</code> {p.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
