/**
 * sendEmail: one outbox mail per address — the `to` expression's addresses plus the emails of `recipients`
 * (each address once) — written in the step's transaction; the delivery loop sends them after it commits.
 */
import { Injectable } from '@nestjs/common';
import type { SendEmailStep } from '@trellis/metadata';
import { MailOutboxService } from '../../auth/mail-outbox.service.js';
import type { StepExecution, StepExecutor, StepResult } from '../step-executor.js';
import { resolveRecipients } from './recipients.js';
import { StepError } from './step-error.js';
import { idList } from './step-users.js';
import { evaluateSetting, renderSetting } from './step-values.js';

/** A plain address (no display name, no line breaks — nothing that could smuggle in a header). */
const ADDRESS = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;
export const MAX_SUBJECT = 300;
export const MAX_BODY = 100_000;
export const MAX_ADDRESSES = 100;

@Injectable()
export class SendEmailStepExecutor implements StepExecutor<SendEmailStep> {
  readonly type = 'sendEmail' as const;

  constructor(private readonly outbox: MailOutboxService) {}

  async execute(execution: StepExecution<SendEmailStep>): Promise<StepResult> {
    const { step, client } = execution;
    const subject = renderSetting(execution, step.subject).replace(/[\r\n]+/g, ' ').trim().slice(0, MAX_SUBJECT);
    if (subject === '') throw new StepError(step, 'the subject is empty once its placeholders are filled in: give a subject that does not depend only on blank values.', { field: 'subject' });
    const body = renderSetting(execution, step.body).slice(0, MAX_BODY);
    const addresses = new Map<string, string>(); // lower-case → as first given
    for (const value of idList(step.to === undefined ? null : evaluateSetting(execution, 'to', step.to))) {
      if (typeof value !== 'string' || !ADDRESS.test(value.trim())) {
        throw new StepError(step, `${JSON.stringify(value)} is not an email address: give an expression of an address (e.g. {"var": "record.email"}) or a list of them.`, { field: 'to' });
      }
      if (!addresses.has(value.trim().toLowerCase())) addresses.set(value.trim().toLowerCase(), value.trim());
    }
    if (step.recipients) {
      for (const user of (await resolveRecipients(execution, step.recipients)).users) if (!addresses.has(user.email.toLowerCase())) addresses.set(user.email.toLowerCase(), user.email);
    }
    const to = [...addresses.values()];
    if (to.length > MAX_ADDRESSES) throw new StepError(step, `${to.length} addresses: one step sends to at most ${MAX_ADDRESSES}.`, { field: 'to' });
    const input = { to, subject, body };
    const list = to.length <= 3 ? to.join(', ') : `${to.slice(0, 3).join(', ')} and ${to.length - 3} more`;
    if (execution.dryRun) return { input, output: { mailIds: [] }, description: to.length > 0 ? `Would email “${subject}” to ${list}` : 'Would email nobody: no address' };
    const mailIds = await this.outbox.enqueue(to.map((address) => ({ to: address, subject, body })), client, execution.runId);
    return { input, output: { mailIds }, description: to.length > 0 ? `Queued “${subject}” for ${list}` : 'Emailed nobody: the step gave no address' };
  }
}
