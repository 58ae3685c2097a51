import { jest } from '@jest/globals';
import { MailOutboxService } from '../auth/mail-outbox.service.js';
import { withTestApp, type TestApp } from '../testing/test-app.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MemoryMailTransport } from './memory-mail-transport.js';

jest.setTimeout(120_000);

let app: TestApp;
let outbox: MailOutboxService;
const transport = new MemoryMailTransport();

beforeAll(async () => {
  app = await withTestApp(undefined, { mail: { transport, delivery: { pollMs: 30, retryBaseMs: 0, maxAttempts: 3 } } });
  outbox = app.app.get(MailOutboxService);
});

afterAll(async () => {
  await app?.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const row = (id: string) =>
  app.pool.query(`SELECT status, attempts, sent_at, error FROM trellis.mail_outbox WHERE id = $1`, [id]).then((r) => r.rows[0] as { status: string; attempts: number; sent_at: Date | null; error: string | null });

describe('mail delivery', () => {
  it('sends pending mail through the transport and marks it sent', async () => {
    const [id] = await outbox.enqueue([{ to: 'ann@example.test', subject: 'Hello', body: 'Body text' }]);
    const sent = await until(() => row(id!), (r) => r.status === 'sent', 'the mail to be sent');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, error: null });
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(transport.sent.filter((m) => m.id === id)).toEqual([{ id, to: 'ann@example.test', subject: 'Hello', body: 'Body text' }]);
  });

  it('retries a failed send, then succeeds', async () => {
    transport.failNext(2, 'connection reset');
    const [id] = await outbox.enqueue([{ to: 'bob@example.test', subject: 'Retry', body: 'b' }]);
    const sent = await until(() => row(id!), (r) => r.status === 'sent', 'the retried mail');
    expect(sent).toMatchObject({ attempts: 3, error: null });
  });

  it('gives up after the last attempt, and at once on a permanent refusal, keeping the error', async () => {
    transport.failNext(3, 'connection refused');
    const [id] = await outbox.enqueue([{ to: 'carl@example.test', subject: 'Never', body: 'b' }]);
    expect(await until(() => row(id!), (r) => r.status === 'failed', 'the mail to fail')).toMatchObject({ attempts: 3, error: 'connection refused' });
    transport.failNext(1, '550 no such mailbox', true);
    const [bounced] = await outbox.enqueue([{ to: 'nobody@example.test', subject: 'Bounce', body: 'b' }]);
    expect(await until(() => row(bounced!), (r) => r.status === 'failed', 'the bounce')).toMatchObject({ attempts: 1, error: '550 no such mailbox' });
    expect(transport.sent.some((m) => m.id === id || m.id === bounced)).toBe(false);
  });

  it('shows the delivery state in the admin mail outbox', async () => {
    const r = await app.metadata<{ mailOutbox: { subject: string; status: string; attempts: number; sentAt: string | null; error: string | null }[] }>(
      '{ mailOutbox(first: 10) { subject status attempts sentAt error } }',
    );
    const bySubject = Object.fromEntries(r.data!.mailOutbox.map((m) => [m.subject, m]));
    expect(bySubject['Hello']).toMatchObject({ status: 'sent', attempts: 1 });
    expect(bySubject['Never']).toMatchObject({ status: 'failed', attempts: 3, error: 'connection refused', sentAt: null });
  });

  it('sends nothing without a transport (outbox only)', async () => {
    const plain = await withTestApp(undefined, { database: app.database });
    try {
      const delivery = plain.app.get(MailDeliveryService);
      expect(delivery.enabled).toBe(false);
      expect(await delivery.deliverDue()).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
