export * from './types.js';
export * from './naming.js';
export * from './plan-types.js';
export * from './field-types/field-type.js';
export * from './field-types/registry.js';
export { DEFAULT_CURRENCY, CURRENCY_CODE_PATTERN, currencyFieldType } from './field-types/currency.js';
export { DEFAULT_DECIMAL_SCALE, decimalFieldType } from './field-types/decimal.js';
export { PHONE_PATTERN, phoneFieldType } from './field-types/phone.js';
export { optionValues, selectFieldType } from './field-types/select.js';
export { isToMany, relationFieldType } from './field-types/relation.js';
export { textFieldType } from './field-types/text.js';
export { longTextFieldType } from './field-types/long-text.js';
export { integerFieldType } from './field-types/integer.js';
export { percentFieldType } from './field-types/percent.js';
export { booleanFieldType } from './field-types/boolean.js';
export { dateFieldType } from './field-types/date.js';
export { dateTimeFieldType } from './field-types/date-time.js';
export { multiSelectFieldType } from './field-types/multi-select.js';
export { emailFieldType } from './field-types/email.js';
export { urlFieldType } from './field-types/url.js';
export { jsonFieldType } from './field-types/json.js';
export { autoNumberFieldType, autoNumberSequenceName, formatAutoNumber } from './field-types/auto-number.js';
export { DEFAULT_RATING_MAX, RATING_MAX_RANGE, ratingFieldType, ratingMaxOf } from './field-types/rating.js';
export { richTextFieldType, richTextPlainText } from './field-types/rich-text.js';
export { durationFieldType } from './field-types/duration.js';
export { FORMULA_RESULT_TYPES, formulaFieldType, formulaResultType, formulaValueField, type FormulaResultType } from './field-types/formula.js';
export { ROLLUP_AGGREGATES, ROLLUP_RESULT_TYPES, rollupEmptyValue, rollupFieldType, rollupValueField, rollupValueType, type RollupAggregate } from './field-types/rollup.js';
export * from './derived-fields.js';
export * from './formats.js';
export * from './names.js';
export * from './relations.js';
export * from './document-schema.js';
export * from './sql.js';
export * from './sql-type.js';
export * from './validate-document.js';
export * from './served-document.js';
export * from './problems-beyond.js';
export { BUILT_IN_GRAPHQL_NAMES, scalarFilterNames } from './check-generated-names.js';
export { pointer, segmentsOf } from './problems.js';
export * from './diff.js';
export * from './plan.js';
export * from './storage.js';
/** A small valid CRM document (companies, contacts, opportunities, tags) for tests and examples. */
export { salesDocument } from './testing/fixtures.js';
export * from './rules/index.js';
export * from './workflows/index.js';
// Roles: validation runs in validateDocument; these keep roles consistent when entities and fields change.
export { renameEntityInRoles, withoutReferencesTo } from './roles/role-edits.js';
export { describeRoleChanges } from './roles/describe-role-changes.js';
// Translations of labels: pointer resolution (shared with the runtime), validation rule, edits that keep them consistent.
export * from './translations/index.js';
// Packs: the 3-way merge of a pack upgrade (base = installed pack, theirs = new pack, ours = the workspace).
export * from './packs/index.js';
// Pack manifests (trellis-pack.json): type, published JSON Schema (schema/trellis-pack.json), shape validation.
export { validatePackManifest, type PackManifest } from './packs/manifest.js';
export { buildPackManifestSchema, buildPackMetadataFileSchema, MAX_PACK_NAME_LENGTH, PACK_NAME_PATTERN, PACK_VERSION_PATTERN } from './packs/manifest-schema.js';
