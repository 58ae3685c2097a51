/** Small documents and previews for the CLI tests. */
import type { MetadataDocument } from '@trellis/metadata';
import type { MetadataPreview } from '../api-types.js';

export const serverDocument: MetadataDocument = {
  entities: {
    company: {
      label: 'Company',
      fields: { name: { type: 'text', label: 'Name', required: true }, size: { type: 'integer', label: 'Size' } },
    },
  },
} as unknown as MetadataDocument;

/** The server's document with a field changed, one added, one removed and a new entity. */
export const editedDocument: MetadataDocument = {
  entities: {
    company: {
      label: 'Company',
      fields: { name: { type: 'text', label: 'Company name', required: true }, website: { type: 'url', label: 'Website' } },
    },
    ticket: { label: 'Ticket', fields: { title: { type: 'text', label: 'Title' } } },
  },
} as unknown as MetadataDocument;

export function preview(overrides: Partial<MetadataPreview> = {}): MetadataPreview {
  return {
    valid: true,
    problems: [],
    baseVersion: 7,
    destructive: false,
    changes: [{ kind: 'addEntity', entity: 'ticket' }],
    steps: [{ kind: 'createTable', entity: 'ticket', field: null, description: 'Create table ticket', destructive: false }],
    ...overrides,
  };
}

export const destructivePreview = (): MetadataPreview =>
  preview({
    destructive: true,
    steps: [
      { kind: 'addColumn', entity: 'company', field: 'website', description: 'Add column website to company', destructive: false },
      { kind: 'dropColumn', entity: 'company', field: 'size', description: 'Drop column size of company (moved aside)', destructive: true },
    ],
  });
