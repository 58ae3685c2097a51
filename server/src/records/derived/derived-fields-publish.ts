/**
 * Formulas and roll-ups in the publish path: a roll-up filter the JSON Logic → SQL compiler cannot translate
 * refuses the publish (METADATA_INVALID, with its path), and the plan's `recomputeField` steps compute the
 * values of new or changed formulas and roll-ups for every record, inside the publish transaction.
 */
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { pointer, type MetadataDocument, type MetadataProblem } from '@trellis/metadata';
import { MetadataStoreService } from '../../metadata-store/metadata-store.service.js';
import { isRuleCompileError } from '../../rules/rule-compile-error.js';
import { dataModelOf } from '../data-model.js';
import { derivedModelOf } from './derived-model.js';
import { recomputeFieldForAll } from './recompute-field.js';
import { compileRollupRecompute } from './rollup-sql.js';

/** Problems of roll-up filters the SQL compiler refuses (the document is otherwise valid). */
export function rollupFilterProblems(document: MetadataDocument): MetadataProblem[] {
  const model = dataModelOf(document, 'main');
  const problems: MetadataProblem[] = [];
  for (const derived of derivedModelOf(model).entities.values()) {
    for (const rollup of derived.rollups) {
      if (rollup.filter === undefined) continue;
      try {
        compileRollupRecompute(model, [rollup]);
      } catch (error) {
        if (!isRuleCompileError(error)) throw error;
        problems.push({
          path: pointer('entities', rollup.parent.name, 'fields', rollup.name, 'filter'),
          code: 'filter-not-compilable',
          message: `Roll-up ${rollup.parent.name}.${rollup.name}: its filter cannot be computed in the database: ${error.message}.`,
        });
      }
    }
  }
  return problems;
}

@Injectable()
export class DerivedFieldsPublish implements OnModuleInit {
  constructor(private readonly store: MetadataStoreService) {}

  onModuleInit(): void {
    this.store.extendPublish({
      check: rollupFilterProblems,
      steps: {
        recomputeField: async (step, client, document, workspace) => {
          await recomputeFieldForAll(client, dataModelOf(document, workspace), step.entity!, step.field!);
        },
      },
    });
  }
}
