/**
 * A root field's GraphQL selection → the record layer's selection tree, so the whole tree is fetched by
 * one SQL statement at the root. Handles aliases (JSON is built under response keys), fragments,
 * inline fragments and @skip / @include; nested toMany arguments are read with their variables.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isObjectType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { ConnectionSelection, RecordSelection, SelectedField, ToManyArgs } from '../records/compile-select.js';
import { badUserInput } from '../records/record-errors.js';

/** Marks the generated object types that are entities (their fields are read from record JSON). */
export const ENTITY_EXTENSION = 'trellisEntity';

export const isEntityType = (type: unknown): type is GraphQLObjectType =>
  isObjectType(type) && typeof type.extensions[ENTITY_EXTENSION] === 'string';

/**
 * Whether the selection being built depends on nothing but the operation's document: no directives, no
 * arguments below the root field (either could read variables). Only those are memoized.
 */
interface Walk {
  static: boolean;
}

/**
 * Selections of root fields, per field node of a parsed operation. Apollo keeps parsed documents (per
 * schema) and hands the same nodes to every request of the same operation, so for a static selection the
 * walk below runs once per operation, not per request. Weak: documents dropped by Apollo take theirs along.
 */
const memo = new WeakMap<FieldNode, { type: GraphQLObjectType; selection: RecordSelection | ConnectionSelection }>();

function memoized<T extends RecordSelection | ConnectionSelection>(info: GraphQLResolveInfo, type: GraphQLObjectType, build: (walk: Walk) => T): T {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const hit = node && memo.get(node);
  if (hit && hit.type === type) return hit.selection as T;
  const walk: Walk = { static: true };
  const selection = build(walk);
  if (node && walk.static) memo.set(node, { type, selection: deepFreeze(selection) });
  return selection;
}

/** Selection of a field returning an entity (or a list of them). */
export function recordSelectionOf(info: GraphQLResolveInfo): RecordSelection {
  const type = getNamedType(info.returnType);
  if (!isEntityType(type)) throw new Error(`${info.fieldName} does not return an entity`);
  return memoized(info, type, (walk) => selectionOf(info, info.fieldNodes, type, walk));
}

/** Selection of a field returning an entity connection. */
export function connectionSelectionOf(info: GraphQLResolveInfo): ConnectionSelection {
  const connection = getNamedType(info.returnType) as GraphQLObjectType;
  return memoized(info, connection, (walk) => buildConnectionSelection(info, connection, walk));
}

function buildConnectionSelection(info: GraphQLResolveInfo, connection: GraphQLObjectType, walk: Walk): ConnectionSelection {
  const result: ConnectionSelection = { totalCount: false, pageInfo: false, cursors: false, node: null };
  const nodeNodes: FieldNode[] = [];
  let nodeType: GraphQLObjectType | undefined;
  for (const [, nodes] of collectFields(info, info.fieldNodes.map((n) => n.selectionSet), walk)) {
    const name = nodes[0]!.name.value;
    if (name === 'totalCount') result.totalCount = true;
    else if (name === 'pageInfo') result.pageInfo = true;
    else if (name === 'edges') {
      const edgeType = getNamedType(connection.getFields()['edges']!.type) as GraphQLObjectType;
      for (const [, edgeNodes] of collectFields(info, nodes.map((n) => n.selectionSet), walk)) {
        const edgeField = edgeNodes[0]!.name.value;
        if (edgeField === 'cursor') result.cursors = true;
        else if (edgeField === 'node') {
          nodeNodes.push(...edgeNodes);
          nodeType = getNamedType(edgeType.getFields()['node']!.type) as GraphQLObjectType;
        }
      }
    }
  }
  if (nodeType) result.node = selectionOf(info, nodeNodes, nodeType, walk);
  return result;
}

function selectionOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[], type: GraphQLObjectType, walk: Walk): RecordSelection {
  const fields: SelectedField[] = [];
  const definitions = type.getFields();
  for (const [key, fieldNodes] of collectFields(info, nodes.map((n) => n.selectionSet), walk)) {
    const first = fieldNodes[0]!;
    const name = first.name.value;
    if (name.startsWith('__')) continue; // __typename: answered by graphql-js itself
    const definition = definitions[name];
    if (!definition) throw badUserInput(`Unknown field "${name}" on ${type.name}`);
    const selected: SelectedField = { key, field: name };
    const named = getNamedType(definition.type);
    if (isEntityType(named)) {
      if (definition.args.length > 0) {
        walk.static = false; // argument defaults, literals and variables: read per request
        const args = getArgumentValues(definition, first, info.variableValues);
        for (const other of fieldNodes.slice(1)) {
          if (other.name.value !== name || JSON.stringify(getArgumentValues(definition, other, info.variableValues)) !== JSON.stringify(args)) {
            throw badUserInput(`Conflicting selections for "${key}" on ${type.name}: use different aliases`);
          }
        }
        selected.args = args as ToManyArgs;
      }
      selected.selection = selectionOf(info, fieldNodes, named, walk);
    }
    if (fieldNodes.some((n) => n.name.value !== name)) throw badUserInput(`Conflicting selections for "${key}" on ${type.name}`);
    fields.push(selected);
  }
  return { fields };
}

/** Fields of selection sets grouped by response key, through fragments, honouring @skip / @include. */
function collectFields(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[], walk: Walk): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const selection of set.selections) {
      if (selection.directives && selection.directives.length > 0) walk.static = false;
      if (!included(info, selection)) continue;
      if (selection.kind === 'Field') {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        visit(info.fragments[name]?.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (!node.directives || node.directives.length === 0) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.['if'] !== false;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
