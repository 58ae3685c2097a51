export { mergeDocuments } from './merge-documents.js';
export { resolveConflicts } from './resolve-conflicts.js';
export { describeMergeChange, describeMergeConflict, describeMergePath, formatMergeValue } from './describe-merge.js';
export { MergeResolutionError, type MergeResolutionErrorCode } from './merge-resolution-error.js';
export type * from './merge-types.js';
