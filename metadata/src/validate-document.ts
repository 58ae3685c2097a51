/**
 * `validateDocument`: every problem of a metadata document at once — first its shape (JSON Schema via ajv),
 * then the rules a schema cannot express (names, references, relations, generated-name collisions, layouts, roles, workflows).
 * Each problem has a JSON-pointer path, a stable code, and a message saying what, where and how to fix.
 */
import { checkFields } from './check-fields.js';
import { checkGeneratedNames } from './check-generated-names.js';
import { checkLayouts } from './check-layouts.js';
import { checkNames } from './check-names.js';
import { checkRelations } from './check-relations.js';
import { checkExpressions } from './rules/check-expressions.js';
import { checkRules } from './rules/check-rules.js';
import { checkViews } from './rules/check-views.js';
import { checkDerivedFields } from './derived-fields.js';
import { checkRoles } from './roles/check-roles.js';
import { checkWorkflows } from './workflows/check-workflows.js';
import { checkTranslations } from './translations/check-translations.js';
import { sortProblems, type DocumentCheck } from './problems.js';
import { structuralProblems } from './structural-problems.js';
import type { MetadataDocument, MetadataProblem } from './types.js';

const SEMANTIC_CHECKS: DocumentCheck[] = [checkNames, checkFields, checkRelations, checkGeneratedNames, checkLayouts];
// The rule engine: expressions (rules, conditions, views, formulas, roll-up filters), rule parts and saved views.
SEMANTIC_CHECKS.push(checkExpressions, checkRules, checkViews);
// Formulas and roll-ups: roll-up relations and aggregated fields, what formulas read, no dependency cycles.
SEMANTIC_CHECKS.push(checkDerivedFields);
// Roles: names, the entities and fields they name, grants that cannot apply. (Their scopes: checkExpressions.)
SEMANTIC_CHECKS.push(checkRoles);
// Workflows: trigger, steps, names and roles they use. (Their expressions: checkExpressions.)
SEMANTIC_CHECKS.push(checkWorkflows);
// Translations: locales, and pointers that lead to an existing label.
SEMANTIC_CHECKS.push(checkTranslations);

function semanticProblems(doc: unknown): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const report = (path: string, code: string, message: string) => {
    if (!problems.some((p) => p.path === path && p.code === code)) problems.push({ path, code, message });
  };
  for (const check of SEMANTIC_CHECKS) {
    try {
      check(doc as MetadataDocument, report);
    } catch {
      // A check tripped over a shape the schema already reported; its other findings stand.
    }
  }
  return problems;
}

/** All problems of `doc`, sorted by path; `[]` when the document is valid. */
export function validateDocument(doc: unknown): MetadataProblem[] {
  const semantic = semanticProblems(doc);
  // Where both found something at the same path, the semantic message is the more specific one.
  const semanticPaths = new Set(semantic.map((p) => p.path));
  const structural = structuralProblems(doc).filter((p) => !semanticPaths.has(p.path));
  return sortProblems([...structural, ...semantic]);
}
