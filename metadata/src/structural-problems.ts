/**
 * Structural validation: the document against the JSON Schema built from the registry (ajv),
 * with ajv's errors turned into problems that say what is wrong, where, and how to fix it.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { buildDocumentSchema } from './document-schema.js';
import { findFieldType, listFieldTypes } from './field-types/registry.js';
import { describeLocation, isRecord, pointer, segmentsOf } from './problems.js';
import type { MetadataProblem } from './types.js';

let cached: { key: string; validate: ValidateFunction } | undefined;

/** The compiled document schema for the currently registered field types (recompiled when a plugin adds one). */
function documentValidator(): ValidateFunction {
  const types = listFieldTypes();
  const key = types.map((t) => t.name).join(',');
  if (cached?.key !== key) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    cached = { key, validate: ajv.compile(buildDocumentSchema(types)) };
  }
  return cached.validate;
}

function valueAt(doc: unknown, segments: string[]): unknown {
  let value = doc;
  for (const s of segments) value = isRecord(value) || Array.isArray(value) ? (value as Record<string, unknown>)[s] : undefined;
  return value;
}

const quoteList = (items: string[]): string => items.map((i) => `"${i}"`).join(', ');

function translate(error: ErrorObject, doc: unknown): MetadataProblem | undefined {
  const path = error.instancePath;
  const segments = segmentsOf(path);
  const where = describeLocation(path, doc);
  const params = error.params as Record<string, unknown>;
  const parentSchema = (error.parentSchema ?? {}) as { properties?: Record<string, { description?: string }> };
  // A key's name (ajv: `propertyName`) is checked semantically, with reasons, at the key's own path.
  if (error.propertyName !== undefined) return undefined;
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined; // `if` repeats its `then` errors; names are checked (with reasons) semantically.
    case 'required': {
      const missing = String(params.missingProperty);
      const help = parentSchema.properties?.[missing]?.description ?? '';
      return { path: pointer(...segments, missing), code: 'required', message: `${where} is missing "${missing}". ${help}`.trim() };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys(parentSchema.properties ?? {});
      return {
        path: pointer(...segments, extra),
        code: 'unknown-property',
        message: `${where} has an unknown property "${extra}"; remove it or use one of ${quoteList(allowed)}.`,
      };
    }
    case 'false schema': {
      const property = segments.at(-1) ?? '';
      const type = String((valueAt(doc, segments.slice(0, -1)) as { type?: unknown } | undefined)?.type);
      const accepted = findFieldType(type)?.properties ?? [];
      const hint = accepted.length ? `it accepts ${quoteList(accepted)}` : 'it has no type-specific properties';
      return {
        path,
        code: 'property-not-allowed',
        message: `${where}: "${property}" does not apply to fields of type "${type}"; remove it (${hint}).`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (segments[2] === 'fields' && segments.length === 5 && segments[4] === 'type') {
        return {
          path,
          code: 'unknown-field-type',
          message: `${where} has unknown type "${String(error.data)}"; use one of ${quoteList(allowed)} (or install the plugin that provides it).`,
        };
      }
      return { path, code: 'invalid-value', message: `${where}: "${segments.at(-1)}" must be one of ${quoteList(allowed)}.` };
    }
    case 'uniqueItems':
      if (segments.includes('layouts')) return undefined; // duplicates are reported per item by the layout check.
      break;
  }
  const property = segments.at(-1);
  const subject = property === undefined || /^\d+$/.test(property) ? '' : `"${property}" `;
  return { path, code: 'invalid-value', message: `${where}: ${subject}${error.message ?? 'is invalid'}.` };
}

/** Problems of the document's shape (types, required and unknown properties, per-type properties). */
export function structuralProblems(doc: unknown): MetadataProblem[] {
  const validate = documentValidator();
  if (validate(doc)) return [];
  const problems: MetadataProblem[] = [];
  for (const error of validate.errors ?? []) {
    const translated = translate(error, doc);
    const problem = translated && { ...translated, message: translated.message.charAt(0).toUpperCase() + translated.message.slice(1) };
    if (problem && !problems.some((p) => p.path === problem.path && p.code === problem.code)) problems.push(problem);
  }
  return problems;
}
