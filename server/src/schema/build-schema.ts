/**
 * The generated data API of one metadata document, built with graphql-js (see the contract in
 * /tmp/trellis-contract.md "Generated GraphQL API"). Field types come from the registry through the
 * record data model; resolvers resolve the whole tree at the root field with ONE record-service call
 * and nested fields just read the JSON Postgres built.
 */
import { graphqlNames, type MetadataDocument } from '@trellis/metadata';
import type { ResolvedAccess } from '@trellis/runtime';
import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLFieldResolver,
  type GraphQLInputFieldConfigMap,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { DEFAULT_RELATION_PAGE_SIZE } from '../records/compile-select.js';
import { viewEnumName } from '../rules/view-problems.js';
import { dataModelOf, type DataModel, type EntityModel, type FieldModel, type ScalarFieldModel } from '../records/data-model.js';
import type { DataApiContext } from './data-api-context.js';
import { NAMED_TYPES, PageInfoType, SortDirectionType, operatorType, sqlScalar, typeRef } from './graphql-types.js';
import { EMPTY_INPUT_FIELD, inputValues } from './input-values.js';
import { DateScalar, DateTimeScalar, JSONScalar } from './scalars.js';
import { ENTITY_EXTENSION, connectionSelectionOf, recordSelectionOf } from './selection.js';

export interface BuildSchemaOptions {
  /** Postgres schema of the record tables (default 'main'). */
  workspace?: string;
  /** Answered by `_version` (default 0). */
  version?: number;
  /**
   * The schema as a set of roles sees it (runtime's resolveAccess): entities they cannot read, operations they
   * may not do, fields hidden from them and relations to entities they cannot read are absent — from the types,
   * the filters, the sorts and the inputs — so a query cannot even name them. Absent: everything (admin).
   */
  access?: ResolvedAccess;
}

/** Nested entity fields read the JSON built for them, under their response key (aliases included). */
const readByResponseKey: GraphQLFieldResolver<Record<string, unknown>, unknown> = (source, _args, _ctx, info) =>
  source[info.path.key as string];

export function buildDataSchema(document: MetadataDocument, options: BuildSchemaOptions = {}): GraphQLSchema {
  const access = options.access?.admin ? undefined : options.access;
  return new SchemaBuilder(dataModelOf(document, options.workspace ?? 'main'), options.version ?? 0, access).build();
}

class SchemaBuilder {
  private readonly objects = new Map<string, GraphQLObjectType>();
  private readonly filters = new Map<string, GraphQLInputObjectType>();
  private readonly relationFilters = new Map<string, GraphQLInputObjectType>();
  private readonly orderBys = new Map<string, GraphQLInputObjectType>();
  private readonly scalarFilters = new Map<string, GraphQLInputObjectType>();

  constructor(
    private readonly model: DataModel,
    private readonly version: number,
    private readonly access: ResolvedAccess | undefined,
  ) {}

  private readable(entity: EntityModel): boolean {
    return !this.access || this.access.entities[entity.name]!.read.length > 0;
  }

  /** Whether the field exists for the roles: not hidden, and not a relation to an entity they cannot read. */
  private visible(entity: EntityModel, field: FieldModel): boolean {
    if (!this.access) return true;
    if (this.access.entities[entity.name]!.fields[field.name] === 'hidden') return false;
    return field.kind === 'scalar' || this.readable(this.entity(field.target));
  }

  private visibleFields(entity: EntityModel): FieldModel[] {
    return [...entity.fields.values()].filter((field) => this.visible(entity, field));
  }

  build(): GraphQLSchema {
    const query: GraphQLFieldConfigMap<unknown, DataApiContext> = {
      _version: { type: new GraphQLNonNull(GraphQLInt), description: 'Version of the metadata this schema was generated from.', resolve: () => this.version },
    };
    const mutation: GraphQLFieldConfigMap<unknown, DataApiContext> = {};
    for (const entity of this.model.entities.values()) {
      if (!this.readable(entity)) continue;
      Object.assign(query, this.queryFields(entity));
      Object.assign(mutation, this.mutationFields(entity));
    }
    return new GraphQLSchema({
      query: new GraphQLObjectType({ name: 'Query', fields: query }),
      ...(Object.keys(mutation).length > 0 ? { mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutation }) } : {}),
      types: [DateScalar, DateTimeScalar, JSONScalar],
    });
  }

  private names(entity: EntityModel) {
    return graphqlNames(entity.name, entity.def.plural);
  }

  private queryFields(entity: EntityModel): GraphQLFieldConfigMap<unknown, DataApiContext> {
    const names = this.names(entity);
    const type = this.objectType(entity);
    const document = this.model.document;
    const name = entity.name;
    return {
      [names.single]: {
        type,
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: (_src, args: { id: string }, ctx, info) =>
          ctx.records.get(ctx.request, name, args.id, { selection: recordSelectionOf(info), document }),
      },
      [names.list]: {
        type: new GraphQLNonNull(this.connectionType(entity)),
        args: {
          filter: { type: this.filterType(entity) },
          where: { type: JSONScalar },
          ...this.viewArgument(entity),
          orderBy: { type: new GraphQLList(new GraphQLNonNull(this.orderByType(entity))) },
          first: { type: GraphQLInt },
          after: { type: GraphQLString },
          last: { type: GraphQLInt },
          before: { type: GraphQLString },
        },
        resolve: (_src, args, ctx, info) => ctx.records.list(ctx.request, name, args, { selection: connectionSelectionOf(info), document }),
      },
    };
  }

  private mutationFields(entity: EntityModel): GraphQLFieldConfigMap<unknown, DataApiContext> {
    const names = this.names(entity);
    const type = new GraphQLNonNull(this.objectType(entity));
    const createInput = new GraphQLNonNull(this.writeInput(entity, names.createInput));
    const updateInput = new GraphQLNonNull(this.writeInput(entity, names.updateInput));
    const id = { type: new GraphQLNonNull(GraphQLID) };
    const document = this.model.document;
    const name = entity.name;
    const rights = this.access?.entities[entity.name];
    const fields: GraphQLFieldConfigMap<unknown, DataApiContext> = {
      [names.create]: {
        type,
        args: { data: { type: createInput } },
        resolve: (_src, args: { data: Record<string, unknown> }, ctx, info) =>
          ctx.records.create(ctx.request, name, inputValues(args.data), { selection: recordSelectionOf(info), document }),
      },
      [names.createMany]: {
        type: new GraphQLNonNull(new GraphQLList(type)),
        args: { data: { type: new GraphQLNonNull(new GraphQLList(createInput)) } },
        resolve: (_src, args: { data: Record<string, unknown>[] }, ctx, info) =>
          ctx.records.createMany(ctx.request, name, args.data.map(inputValues), { selection: recordSelectionOf(info), document }),
      },
      [names.update]: {
        type,
        args: { id, data: { type: updateInput } },
        resolve: (_src, args: { id: string; data: Record<string, unknown> }, ctx, info) =>
          ctx.records.update(ctx.request, name, args.id, inputValues(args.data), { selection: recordSelectionOf(info), document }),
      },
      [names.delete]: {
        type,
        args: { id },
        resolve: (_src, args: { id: string }, ctx, info) =>
          ctx.records.delete(ctx.request, name, args.id, { selection: recordSelectionOf(info), document }),
      },
    };
    if (rights && !rights.create) {
      delete fields[names.create];
      delete fields[names.createMany];
    }
    if (rights && rights.update.length === 0) delete fields[names.update];
    if (rights && rights.delete.length === 0) delete fields[names.delete];
    return fields;
  }

  private objectType(entity: EntityModel): GraphQLObjectType {
    const existing = this.objects.get(entity.name);
    if (existing) return existing;
    const type = new GraphQLObjectType({
      name: this.names(entity).type,
      description: entity.def.description,
      extensions: { [ENTITY_EXTENSION]: entity.name },
      fields: () => {
        const fields: GraphQLFieldConfigMap<Record<string, unknown>, DataApiContext> = {};
        for (const field of this.visibleFields(entity)) fields[field.name] = this.outputField(field);
        return fields;
      },
    });
    this.objects.set(entity.name, type);
    return type;
  }

  private outputField(field: FieldModel): GraphQLFieldConfig<Record<string, unknown>, DataApiContext> {
    const description = field.def?.description;
    switch (field.kind) {
      case 'scalar':
        return { type: this.scalarOutput(field), description, resolve: readByResponseKey };
      case 'manyToOne':
        return { type: this.objectType(this.entity(field.target)), description, resolve: readByResponseKey };
      case 'oneToMany':
      case 'manyToMany': {
        const target = this.entity(field.target);
        return {
          type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(this.objectType(target)))),
          description,
          args: {
            filter: { type: this.filterType(target) },
            where: { type: JSONScalar },
            orderBy: { type: new GraphQLList(new GraphQLNonNull(this.orderByType(target))) },
            first: { type: GraphQLInt, defaultValue: DEFAULT_RELATION_PAGE_SIZE },
          },
          resolve: readByResponseKey,
        };
      }
    }
  }

  private scalarOutput(field: ScalarFieldModel): GraphQLOutputType {
    if (field.system) {
      if (field.name === 'id') return new GraphQLNonNull(GraphQLID);
      if (field.assignable) return GraphQLID;
      if (field.name === 'createdAt' || field.name === 'updatedAt') return new GraphQLNonNull(DateTimeScalar);
      return GraphQLString;
    }
    return typeRef(field.type!.graphql(field.def!).output) as GraphQLOutputType;
  }

  private connectionType(entity: EntityModel): GraphQLObjectType {
    const names = this.names(entity);
    const edge = new GraphQLObjectType({
      name: names.edge,
      fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(this.objectType(entity)) } },
    });
    return new GraphQLObjectType({
      name: names.connection,
      fields: {
        totalCount: { type: new GraphQLNonNull(GraphQLInt) },
        pageInfo: { type: new GraphQLNonNull(PageInfoType) },
        edges: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(edge))) },
      },
    });
  }

  private filterType(entity: EntityModel): GraphQLInputObjectType {
    const existing = this.filters.get(entity.name);
    if (existing) return existing;
    const type: GraphQLInputObjectType = new GraphQLInputObjectType({
      name: this.names(entity).filter,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {
          and: { type: new GraphQLList(new GraphQLNonNull(type)) },
          or: { type: new GraphQLList(new GraphQLNonNull(type)) },
          not: { type },
        };
        for (const field of this.visibleFields(entity)) {
          const input = this.fieldFilter(field);
          if (input) fields[field.name] = { type: input };
        }
        return fields;
      },
    });
    this.filters.set(entity.name, type);
    return type;
  }

  private fieldFilter(field: FieldModel): GraphQLInputType | null {
    switch (field.kind) {
      case 'scalar':
        return field.operators.length > 0 || field.columns.length > 1 || field.filters ? this.scalarFilter(field) : null;
      case 'manyToOne':
        return this.filterType(this.entity(field.target));
      case 'oneToMany':
      case 'manyToMany':
        return this.relationFilter(this.entity(field.target));
    }
  }

  private relationFilter(target: EntityModel): GraphQLInputObjectType {
    let type = this.relationFilters.get(target.name);
    if (!type) {
      const filter = this.filterType(target);
      type = new GraphQLInputObjectType({
        name: this.names(target).relationFilter,
        fields: { some: { type: filter }, none: { type: filter } },
      });
      this.relationFilters.set(target.name, type);
    }
    return type;
  }

  /** `${PascalCase(type)}Filter` with exactly the registry's operators (+ a composite type's other parts). */
  private scalarFilter(field: ScalarFieldModel): GraphQLInputObjectType {
    const existing = this.scalarFilters.get(field.filterInput);
    if (existing) return existing;
    const operand = this.operandType(field);
    const list = new GraphQLList(new GraphQLNonNull(operand));
    const fields: GraphQLInputFieldConfigMap = {};
    for (const op of field.operators) fields[op] = { type: operatorType(op, operand, list) };
    for (const part of field.columns.slice(1)) fields[part.key!] = { type: sqlScalar(part.sqlType) };
    for (const [op, filter] of Object.entries(field.filters ?? {})) fields[op] = { type: typeRef(filter.input) as GraphQLInputType, description: filter.label };
    const type = new GraphQLInputObjectType({ name: field.filterInput, fields });
    this.scalarFilters.set(field.filterInput, type);
    return type;
  }

  /** The type operators compare with: the field's input scalar, or its main column's (a currency's amount). */
  private operandType(field: ScalarFieldModel): GraphQLInputType {
    if (!field.type) return GraphQLID;
    const names = field.def ? field.type.graphql(field.def) : field.type.graphql({ type: field.type.name, label: field.label });
    // A read-only type (no input, e.g. autoNumber) is compared with its output's scalar.
    const input = names.input || names.output;
    const base = NAMED_TYPES.get(input.replace(/[[\]!]/g, ''));
    if (base && field.columns.length === 1 && 'serialize' in base) return base as GraphQLInputType;
    return sqlScalar(field.columns[0]!.sqlType);
  }

  /** `view: <Entity>View` when the entity has saved views: their filter and default sort. */
  private viewArgument(entity: EntityModel): GraphQLFieldConfigArgumentMap {
    const views = Object.entries(entity.def.views ?? {});
    if (views.length === 0) return {};
    const values: Record<string, { value: string; description: string }> = {};
    for (const [name, view] of views) values[name] = { value: name, description: view.label };
    const type = new GraphQLEnumType({ name: viewEnumName(entity.name), values });
    return { view: { type } };
  }

  private orderByType(entity: EntityModel): GraphQLInputObjectType {
    const existing = this.orderBys.get(entity.name);
    if (existing) return existing;
    const names = this.names(entity);
    const values: Record<string, { value: string }> = {};
    for (const field of this.visibleFields(entity)) {
      if (field.kind === 'scalar' && field.sortable && !['true', 'false', 'null'].includes(field.name)) values[field.name] = { value: field.name };
    }
    const type = new GraphQLInputObjectType({
      name: names.orderBy,
      fields: {
        field: { type: new GraphQLNonNull(new GraphQLEnumType({ name: names.orderField, values })) },
        direction: { type: SortDirectionType, defaultValue: 'ASC' },
      },
    });
    this.orderBys.set(entity.name, type);
    return type;
  }

  private writeInput(entity: EntityModel, name: string): GraphQLInputObjectType {
    return new GraphQLInputObjectType({
      name,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        // Read-only fields stay in the input: writing one gets a FORBIDDEN naming the field and why.
        for (const field of this.visibleFields(entity)) {
          if (field.kind === 'scalar' && field.assignable) fields[field.name] = { type: GraphQLID };
          else if (field.kind === 'scalar' && field.system) continue;
          else if (field.kind === 'scalar') {
            const input = field.type!.graphql(field.def!).input;
            // An empty input type: set by the system (autoNumber), not writable, like oneToMany.
            if (input) fields[field.name] = { type: typeRef(input) as GraphQLInputType };
          }
          else if (field.kind === 'manyToOne') fields[field.name] = { type: GraphQLID };
          else if (field.kind === 'manyToMany') fields[field.name] = { type: new GraphQLList(new GraphQLNonNull(GraphQLID)) };
        }
        if (Object.keys(fields).length === 0) {
          fields[EMPTY_INPUT_FIELD] = { type: GraphQLBoolean, description: 'Placeholder: this entity has no writable fields.' };
        }
        return fields;
      },
    });
  }

  private entity(name: string): EntityModel {
    const entity = this.model.entities.get(name);
    if (!entity) throw new Error(`Relation to unknown entity "${name}"`);
    return entity;
  }
}
