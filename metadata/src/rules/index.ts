/** The rule engine's static side: operation signatures, JSON Logic analysis, impact analysis and rename rewriting. */
export {
  findOperationSignature,
  listOperationSignatures,
  registerOperationSignature,
  unregisterOperationSignature,
  describeArity,
  resultTypeOf,
  unifyTypes,
  JSON_LOGIC_OPERATORS,
  TRELLIS_OPERATORS,
  type LogicType,
  type OperationSignature,
} from './operations.js';
export {
  analyzeJsonLogic,
  resultTypeProblem,
  type AnalysisProblem,
  type AnalysisProblemCode,
  type AnalyzedReference,
  type JsonLogicAnalysis,
} from './analyze.js';
export { CONTEXT_ROOTS, resolveVarPath, type AnalysisScope, type ContextReference, type ContextRoot } from './var-paths.js';
export { fieldLogicType, isAssignable, describeLogicType, SYSTEM_FIELD_TYPES, USER_PROPERTIES } from './field-logic-type.js';
export { MAX_PATTERN_LENGTH, unsafeRegexReason } from './regex-safety.js';
export { expressionScope, expressionSites, type ExpressionContext, type ExpressionSite, type ReferenceKind } from './expression-sites.js';
export { checkExpression, type CheckExpressionOptions } from './check-expressions.js';
export { messagePlaceholders, type Placeholder } from './message-template.js';
export { findReferences, listReferences, referencesTo, collectReferenceSites, valueAt, type FieldReference, type ReferenceSite, type ReferenceEdit } from './references.js';
export { rewriteReferences, rewriteRenamedReferences } from './rewrite.js';
export { buildJsonLogicSchema, contextPaths } from './json-logic-schema.js';
