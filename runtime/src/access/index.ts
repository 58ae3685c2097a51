/** Effective access of a set of roles (record scopes, create/transfer rights, field access), and why. */
export { resolveAccess, accessKey } from './resolve-access.js';
export { explainAccess, ADMIN_ROLE_LABEL } from './explain-access.js';
export { andScopes, normalizeScope } from './role-scopes.js';
export type { AccessExplanation, AccessOperation, AccessSubject, EntityAccess, FieldAccess, ResolvedAccess, ScopeGrant } from './access-types.js';
