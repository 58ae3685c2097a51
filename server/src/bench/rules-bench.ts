/**
 * Rule cost on the write path: person creates through RecordService with 0 vs 50 active validation rules
 * (none of which fires, so every rule is evaluated on every write), measured in process so HTTP noise does
 * not hide microseconds. Also times the rule check alone (µs per rule) and compiling the 50 rules, which
 * happens once per metadata version (per document object). Then creates with one rule that reads the related
 * company (loaded inside each write) against creates without rules.
 */
import type { MetadataDocument, ValidationRule } from '@trellis/metadata';
import { buildRuleContext, checkRecordRules, compileEntityRules } from '@trellis/runtime';
import { systemContext } from '../common/request-context.js';
import type { RecordService } from '../records/record.service.js';
import { writeRate } from './write-rate.js';

export const RULE_COUNT = 50;

/** 50 rules in five shapes (comparisons, and/not, regexMatch, date arithmetic, changed + lower); none holds for bench rows. */
export function benchRules(count = RULE_COUNT): Record<string, ValidationRule> {
  const rules: Record<string, ValidationRule> = {};
  for (let i = 0; i < count; i++) {
    const shapes: unknown[] = [
      { '>': [{ var: 'record.age' }, 200 + i] },
      { and: [{ '==': [{ var: 'record.name' }, `forbidden ${i}`] }, { '!': { var: 'record.email' } }] },
      { regexMatch: [`^blocked-${i}-\\d+@`, { var: 'record.email' }] },
      { '<': [{ daysBetween: [{ var: 'now' }, '2020-01-01'] }, -100_000 - i] },
      { and: [{ changed: 'age' }, { '==': [{ lower: { var: 'record.name' } }, `x${i}`] }] },
    ];
    rules[`rule${i}`] = { invalidWhen: shapes[i % shapes.length], message: `Rule ${i} broken by {{record.name}}`, fields: ['age'] };
  }
  return rules;
}

export function withRules(doc: MetadataDocument, entity: string, count = RULE_COUNT): MetadataDocument {
  const copy = structuredClone(doc);
  copy.entities[entity]!.rules = benchRules(count);
  return copy;
}

export interface RuleBenchResult {
  writesPerSecond0: number;
  writesPerSecond50: number;
  /** Server-process CPU per write, µs, with 0 and 50 rules; the difference divided by the number of rules. */
  cpuUsPerWrite0: number;
  cpuUsPerWrite50: number;
  cpuUsPerRule: number;
  /** The rule check alone (50 rules), µs per record, and per rule. */
  checkUsPerRecord: number;
  checkUsPerRule: number;
  /** Compiling the entity's 50 rules once (a new metadata version), ms. */
  compileMs: number;
  /** Creates with one rule reading the related company (`record.company.name`: the company is read in the write), and 0 rules alongside. */
  writesPerSecondRelated: number;
  writesPerSecondRelated0: number;
}

/** One rule that reads the person's company, which the server then loads on each write; it never fires. */
export function withRelatedRule(doc: MetadataDocument): MetadataDocument {
  const copy = structuredClone(doc);
  copy.entities['person']!.rules = {
    companyNotBlocked: { invalidWhen: { '==': [{ var: 'record.company.name' }, 'Blocked company'] }, message: '{{record.company.name}} is blocked', fields: ['company'] },
  };
  return copy;
}


export async function runRuleBench(records: RecordService, baseDoc: MetadataDocument, seconds: number, companyIds: string[]): Promise<RuleBenchResult> {
  const ctx = systemContext('bench');
  const doc0 = baseDoc;
  const doc50 = withRules(baseDoc, 'person');

  const t0 = performance.now();
  compileEntityRules(doc50, 'person');
  const compileMs = performance.now() - t0;

  const create = (doc: MetadataDocument, tag: string) => (n: number) =>
    records.create(ctx, 'person', { name: `Rules ${tag} ${n}`, email: `rules-${tag}-${n}@bench.test`, age: 20 + (n % 50), company: companyIds[n % companyIds.length] }, { document: doc });
  const concurrency = 8;
  const half = (seconds * 1000) / 2;
  await writeRate(create(doc0, 'w0'), concurrency, 500);
  await writeRate(create(doc50, 'w50'), concurrency, 500);
  // ABBA halves, so drift of other load on the machine weighs on both alike.
  const a1 = await writeRate(create(doc0, 'a0'), concurrency, half);
  const b1 = await writeRate(create(doc50, 'a50'), concurrency, half);
  const b2 = await writeRate(create(doc50, 'b50'), concurrency, half);
  const a2 = await writeRate(create(doc0, 'b0'), concurrency, half);
  const docRelated = withRelatedRule(baseDoc);
  await writeRate(create(docRelated, 'wr'), concurrency, 500);
  const c1 = await writeRate(create(docRelated, 'cr1'), concurrency, half);
  const a3 = await writeRate(create(doc0, 'c0'), concurrency, half);
  const c2 = await writeRate(create(docRelated, 'cr2'), concurrency, half);
  const a4 = await writeRate(create(doc0, 'd0'), concurrency, half);
  const writesPerSecondRelated = ((c1.writes + c2.writes) / (c1.ms + c2.ms)) * 1000;
  const writesPerSecondRelated0 = ((a3.writes + a4.writes) / (a3.ms + a4.ms)) * 1000;
  const writesPerSecond0 = ((a1.writes + a2.writes) / (a1.ms + a2.ms)) * 1000;
  const writesPerSecond50 = ((b1.writes + b2.writes) / (b1.ms + b2.ms)) * 1000;
  const cpuUsPerWrite0 = (a1.cpuUs + a2.cpuUs) / (a1.writes + a2.writes);
  const cpuUsPerWrite50 = (b1.cpuUs + b2.cpuUs) / (b1.writes + b2.writes);

  const record = { name: 'Check', email: 'check@bench.test', age: 33, company: companyIds[0] };
  const rounds = 5_000;
  /** µs per record: the best of 5 runs, the least disturbed by other load on the machine. */
  const check = (doc: MetadataDocument) => {
    let best = Infinity;
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      for (let i = 0; i < rounds; i++) {
        const ruleCtx = buildRuleContext({ record, previous: null, user: { id: 'bench', kind: 'system' }, now: new Date() });
        if (checkRecordRules(doc, 'person', { ctx: ruleCtx, mode: 'create' }).length > 0) throw new Error('a bench rule fired');
      }
      best = Math.min(best, ((performance.now() - started) * 1000) / rounds);
    }
    return best;
  };
  check(doc50); // warm-up
  const checkUsPerRecord = check(doc50) - check(doc0);
  return {
    writesPerSecond0,
    writesPerSecond50,
    cpuUsPerWrite0,
    cpuUsPerWrite50,
    cpuUsPerRule: (cpuUsPerWrite50 - cpuUsPerWrite0) / RULE_COUNT,
    checkUsPerRecord,
    checkUsPerRule: checkUsPerRecord / RULE_COUNT,
    compileMs,
    writesPerSecondRelated,
    writesPerSecondRelated0,
  };
}
