/**
 * Depth and complexity limits for GraphQL queries, as graphql-js validation rules (run once per distinct
 * query document, before any resolver): a deeply nested or huge query is refused before it costs anything.
 *
 * - depth: nesting of fields, root fields at 1 (default 12, TRELLIS_GRAPHQL_MAX_DEPTH);
 * - complexity: each field costs 1; what is selected under a list field counts once per expected item:
 *   its literal `first` (or `limit`) argument — for a connection (`companies(first: 20) { edges { node … } }`)
 *   the `first` of the connection field applies to the lists directly inside it — else a size hint for that
 *   field (`listSizes`), else 50 (default 5000, TRELLIS_GRAPHQL_MAX_COMPLEXITY). Lists of scalars cost 1.
 * Introspection (`__schema`, `__type`) is not counted: it is bounded by the schema, and switched off as a whole
 * with TRELLIS_INTROSPECTION=0.
 */
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxComplexity: number;
  /** Items assumed for a list field without a literal `first`/`limit`. */
  defaultListSize: number;
  /** Better guesses for some unpaginated list fields, by `Type.field` (e.g. `User.teams`: a user is in few teams). */
  listSizes: Record<string, number>;
}

export function queryLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<QueryLimits, 'maxDepth' | 'maxComplexity'> {
  return {
    maxDepth: positiveInteger(env, 'TRELLIS_GRAPHQL_MAX_DEPTH', 12),
    maxComplexity: positiveInteger(env, 'TRELLIS_GRAPHQL_MAX_COMPLEXITY', 5000),
  };
}

export function queryLimitRules(options: Partial<QueryLimits> = {}): ValidationRule[] {
  const limits: QueryLimits = { ...queryLimitsFromEnv(), defaultListSize: 50, listSizes: {}, ...options };
  return [(context) => limitRule(context, limits)];
}

function limitRule(context: ValidationContext, limits: QueryLimits): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(operation) {
      const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) return;
      const walker = new Walker(context, schema, limits);
      const { depth, cost } = walker.measure(operation.selectionSet, root, 0, new Set());
      const name = operation.name ? `Operation ${operation.name.value}` : 'The query';
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`${name} is nested ${depth} levels deep; the limit is ${limits.maxDepth} (TRELLIS_GRAPHQL_MAX_DEPTH).`, { nodes: [operation] }));
      }
      if (cost > limits.maxComplexity) {
        context.reportError(
          new GraphQLError(
            `${name} is too complex: it may touch ${cost} fields; the limit is ${limits.maxComplexity} (TRELLIS_GRAPHQL_MAX_COMPLEXITY). Ask for fewer fields or smaller pages (first: …).`,
            { nodes: [operation] },
          ),
        );
      }
    },
  };
}

class Walker {
  constructor(
    private readonly context: ValidationContext,
    private readonly schema: GraphQLSchema,
    private readonly limits: QueryLimits,
  ) {}

  /**
   * Depth below `depth` and cost of a selection set on `parent`; `fragments` guards against spread cycles;
   * `page` is the `first` of an enclosing connection field, for the lists directly inside it.
   */
  measure(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, depth: number, fragments: Set<string>, page?: number): { depth: number; cost: number } {
    let maxDepth = depth;
    let cost = 0;
    for (const selection of selectionSet.selections) {
      let result: { depth: number; cost: number } | undefined;
      if (selection.kind === Kind.FIELD) {
        result = this.field(selection, parent, depth, fragments, page);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) result = this.measure(selection.selectionSet, type, depth, fragments, page);
      } else {
        const name = selection.name.value;
        const fragment = this.context.getFragment(name);
        const type = fragment && this.schema.getType(fragment.typeCondition.name.value);
        if (fragment && type && isCompositeType(type) && !fragments.has(name)) {
          result = this.measure(fragment.selectionSet, type, depth, new Set(fragments).add(name), page);
        }
      }
      if (result) {
        maxDepth = Math.max(maxDepth, result.depth);
        cost += result.cost;
      }
    }
    return { depth: maxDepth, cost };
  }

  private field(node: FieldNode, parent: GraphQLCompositeType, depth: number, fragments: Set<string>, page: number | undefined): { depth: number; cost: number } {
    const name = node.name.value;
    if (name.startsWith('__')) return { depth, cost: 0 }; // introspection and __typename
    const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!definition || !node.selectionSet) return { depth: depth + 1, cost: 1 };
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) return { depth: depth + 1, cost: 1 };
    const own = pageArgument(node);
    if (!isListType(getNullableType(definition.type))) {
      const inner = this.measure(node.selectionSet, named, depth + 1, fragments, own); // a connection: its `first` sizes its lists
      return { depth: inner.depth, cost: 1 + inner.cost };
    }
    const items = own ?? page ?? this.limits.listSizes[`${parent.name}.${name}`] ?? this.limits.defaultListSize;
    const inner = this.measure(node.selectionSet, named, depth + 1, fragments);
    return { depth: inner.depth, cost: 1 + items * inner.cost };
  }
}

/** The literal `first` or `limit` argument of a field (a variable's value is unknown when validating). */
function pageArgument(node: FieldNode): number | undefined {
  for (const argument of node.arguments ?? []) {
    if ((argument.name.value === 'first' || argument.name.value === 'limit') && argument.value.kind === Kind.INT) {
      return Math.max(0, Number.parseInt(argument.value.value, 10));
    }
  }
  return undefined;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}".`);
  return value;
}
