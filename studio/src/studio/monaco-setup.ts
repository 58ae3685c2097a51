/**
 * Monaco for Vite (see STACK.md): the editor API plus JSON only, workers bundled by Vite (`?worker`),
 * and @monaco-editor/react told to use this copy instead of fetching one from a CDN.
 * Imported only by the lazily loaded JSON tab, so monaco stays out of the first page's bundle.
 */
import * as monaco from 'monaco-editor/editor';
// The editor's contributions (suggest, hover, find, …). The JSON language pulls these in when it first loads,
// after the first editor exists — too late: their services are then unknown to the next editor (page errors)
// and the first one has no completion. Loading them here registers everything before any editor is created.
import 'monaco-editor/internal/common/workers';
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

/** JSON Schemas by the model URI they apply to (the draft document, each open rule editor). */
const schemas = new Map<string, unknown>();

function applySchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemas: [...schemas].map(([modelUri, schema], i) => ({ uri: `https://trellis.dev/schema/${i}.json`, fileMatch: [modelUri], schema })),
  });
}

/** Validates the editor's document against the metadata JSON Schema, when one is available. */
export function setDocumentSchema(schema: unknown): void {
  setModelSchema(DOCUMENT_MODEL_URI, schema);
}

/** Uses `schema` (completion and validation) for the model at `modelUri`; undefined removes it. */
export function setModelSchema(modelUri: string, schema: unknown): void {
  if (schema === undefined || schema === null) schemas.delete(modelUri);
  else schemas.set(modelUri, schema);
  applySchemas();
}

export { monaco };
