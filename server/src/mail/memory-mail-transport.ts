/** A transport that keeps mail in memory (tests, demos): what was sent, and failures on request. */
import { PermanentMailError, type MailTransport, type OutgoingMail } from './mail-transport.js';

export class MemoryMailTransport implements MailTransport {
  readonly name = 'memory';
  readonly sent: OutgoingMail[] = [];
  private failures: { error: Error }[] = [];

  /** The next `count` sends fail (transiently unless `permanent`). */
  failNext(count: number, message = 'connection refused', permanent = false): void {
    for (let i = 0; i < count; i++) this.failures.push({ error: permanent ? new PermanentMailError(message) : new Error(message) });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const failure = this.failures.shift();
    if (failure) throw failure.error;
    this.sent.push({ ...mail });
  }
}
