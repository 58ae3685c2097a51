/**
 * The JSON side of the rule editor: monaco (lazy-loaded with this module) on a model of its own, with a JSON
 * Schema that completes operators and `record.<field>` / `previous.<field>` paths, and the static analysis'
 * problems as inline markers.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import Editor from '@monaco-editor/react';
import { monaco, setModelSchema } from '../monaco-setup.js';
import { lineColumn, locatePointer } from './json-locate.js';
import type { LogicProblem } from './logic-context.js';

interface Props {
  text: string;
  onChange: (text: string) => void;
  schema: Record<string, unknown>;
  problems: LogicProblem[];
  /** Accessible name of the editor, e.g. "Invalid when (JSON Logic)". */
  label: string;
  /** Smallest height; the editor grows with its content up to `MAX_HEIGHT`. */
  height?: number;
}

const MAX_HEIGHT = 480;

export default function LogicCodeEditor({ text, onChange, schema, problems, label, height = 140 }: Props) {
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const uri = useMemo(() => `inmemory://trellis/logic/${id}.json`, [id]);
  // Suggestions and hovers render here, fixed-positioned: inside a modal <dialog> (the top layer) they would
  // otherwise land under the backdrop, and the dialog's scrolling would clip them.
  const [overflow, setOverflow] = useState<HTMLDivElement | null>(null);
  const [contentHeight, setContentHeight] = useState(height);
  // One options object per overflow node: @monaco-editor/react calls updateOptions when the object changes, and
  // monaco deep-clones options there, which must never meet the DOM node (it recurses through its parents).
  const options = useMemo(
    () => ({
      ariaLabel: label,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      lineNumbers: 'off' as const,
      glyphMargin: false,
      folding: false,
      scrollBeyondLastLine: false,
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      // The wheel scrolls the page or dialog once the editor is at its end.
      scrollbar: { alwaysConsumeMouseWheel: false },
      automaticLayout: true,
      wordWrap: 'on' as const,
      quickSuggestions: { strings: true, other: true, comments: false },
      fixedOverflowWidgets: true,
      // Tab moves the focus on (keyboard users are never trapped in the editor).
      tabFocusMode: true,
      overflowWidgetsDomNode: overflow ?? undefined,
    }),
    [label, overflow],
  );

  useEffect(() => {
    setModelSchema(uri, schema);
    return () => setModelSchema(uri, undefined);
  }, [uri, schema]);

  // Problems found on the parsed expression, underlined where their JSON pointer lands in the text.
  useEffect(() => {
    const model = monaco.editor.getModel(monaco.Uri.parse(uri));
    if (!model) return;
    const value = model.getValue();
    const markers = problems.map((p) => {
      const range = locatePointer(value, p.path) ?? { start: 0, end: value.length };
      const from = lineColumn(value, range.start);
      const to = lineColumn(value, range.end);
      return {
        severity: monaco.MarkerSeverity.Error,
        message: p.message,
        startLineNumber: from.line,
        startColumn: from.column,
        endLineNumber: to.line,
        endColumn: to.column,
        source: 'Trellis',
      };
    });
    monaco.editor.setModelMarkers(model, 'trellis-logic', markers);
  }, [uri, problems, text]);

  useEffect(() => () => monaco.editor.getModel(monaco.Uri.parse(uri))?.dispose(), [uri]);

  return (
    <div className="logic-code" data-testid="logic-code">
      <div ref={setOverflow} className="monaco-editor logic-code-overflow" />
      {overflow && (
        <Editor
          height={Math.min(MAX_HEIGHT, Math.max(height, contentHeight))}
          language="json"
          path={uri}
          value={text}
          onChange={(v) => onChange(v ?? '')}
          onMount={(editor) => {
            // Grow with the content: the whole rule in view, no inner scrolling for the common sizes.
            setContentHeight(editor.getContentHeight());
            editor.onDidContentSizeChange((e) => setContentHeight(e.contentHeight));
          }}
          options={options}
        />
      )}
    </div>
  );
}
