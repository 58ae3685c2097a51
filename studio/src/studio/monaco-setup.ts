/**
 * Monaco for Vite (see STACK.md): the editor API plus JSON only, workers bundled by Vite (`?worker`),
 * and @monaco-editor/react told to use this copy instead of fetching one from a CDN.
 * Imported only by the lazily loaded JSON tab, so monaco stays out of the first page's bundle.
 */
import * as monaco from 'monaco-editor/editor';
import { jsonDefaults } from 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

loader.config({ monaco });

export const DOCUMENT_MODEL_URI = 'inmemory://trellis/metadata.json';

/** Validates the editor's document against the metadata JSON Schema, when one is available. */
export function setDocumentSchema(schema: unknown): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: schema ? [{ uri: 'https://trellis.dev/schema/metadata.json', fileMatch: [DOCUMENT_MODEL_URI], schema }] : [],
  });
}

export { monaco };
