/**
 * Semantic check: every JSON Logic expression of the document (validation rules, form conditions, view filters,
 * formula expressions, roll-up filters) is well formed, reads only what its place may read, and gives what its
 * place needs. Problem paths point into the expression, e.g. `/entities/opportunity/rules/r/invalidWhen/and/1/!/var`.
 */
import type { DocumentCheck } from '../problems.js';
import type { MetadataDocument, MetadataProblem } from '../types.js';
import { analyzeJsonLogic, resultTypeProblem } from './analyze.js';
import { DanglingMessages, sentence } from './dangling.js';
import { expressionScope, expressionSites, siteScope, type ExpressionContext } from './expression-sites.js';
import type { LogicType } from './operations.js';
import type { AnalysisScope } from './var-paths.js';

const NAMES: Record<ExpressionContext, string> = {
  rule: 'invalidWhen',
  condition: 'The condition',
  viewFilter: 'The view filter',
  formula: 'The formula',
  rollupFilter: 'The roll-up filter',
  roleScope: 'The record scope',
  workflow: 'The expression',
};

export interface CheckExpressionOptions {
  /** What the expression must give; default: a condition for rules, conditions and filters, anything for formulas. */
  expected?: LogicType;
  /** Name used in the result-type message, e.g. "visibleWhen" (default by context). */
  name?: string;
}

function problemsOf(
  scope: AnalysisScope,
  expr: unknown,
  path: string,
  context: ExpressionContext,
  options: CheckExpressionOptions,
  dangling: DanglingMessages,
): MetadataProblem[] {
  const analysis = analyzeJsonLogic(expr, scope);
  const problems: MetadataProblem[] = analysis.problems.map((p) => ({
    path: path + p.path,
    code: p.code,
    message: p.code === 'unknown-field' && p.entity !== undefined ? dangling.message(p.entity, p.field!) : sentence(p.message),
  }));
  const expected = options.expected ?? (context === 'formula' ? 'any' : 'boolean');
  const typeProblem = resultTypeProblem(options.name ?? NAMES[context], analysis.resultType, expected);
  if (typeProblem) problems.push({ path, code: typeProblem.code, message: sentence(typeProblem.message) });
  return problems;
}

/**
 * Problems of one expression of `doc` at `path` (its JSON pointer in the document), evaluated over records of
 * `entity` in `context` (a roll-up filter: over the related entity). For callers that check expressions
 * outside `validateDocument` (which already checks every expression of the document).
 */
export function checkExpression(
  doc: MetadataDocument,
  entity: string,
  expr: unknown,
  path: string,
  context: ExpressionContext,
  options: CheckExpressionOptions = {},
): MetadataProblem[] {
  return problemsOf(expressionScope(doc, entity, context), expr, path, context, options, new DanglingMessages(doc));
}

export const checkExpressions: DocumentCheck = (doc, report) => {
  const dangling = new DanglingMessages(doc);
  for (const site of expressionSites(doc)) {
    const name = site.name ?? (site.context === 'rule' || site.context === 'condition' ? site.property : site.context === 'roleScope' ? `The ${site.property} scope` : undefined);
    const options: CheckExpressionOptions = { expected: site.expected, ...(name ? { name } : {}) };
    for (const p of problemsOf(siteScope(doc, site), site.expr, site.path, site.context, options, dangling)) report(p.path, p.code, p.message);
  }
};
