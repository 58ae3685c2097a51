/** The SMTP transport against a minimal SMTP server on a local port (no network needed). */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mailTransportFromEnv } from './mail-config.js';
import { PermanentMailError } from './mail-transport.js';
import { smtpMailTransport } from './smtp-mail-transport.js';

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** Speaks just enough SMTP; refuses RCPT to addresses starting with "reject" (550) or "busy" (451). */
function fakeSmtp(received: Received[]): Server {
  return createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 fake.smtp ESMTP ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: '', to: [], data: '' };
          reply('250 2.0.0 queued');
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 fake.smtp');
        else if (verb === 'MAIL') (current.from = line), reply('250 2.1.0 ok');
        else if (verb === 'RCPT') {
          if (/<reject/i.test(line)) reply('550 5.1.1 no such mailbox');
          else if (/<busy/i.test(line)) reply('451 4.3.0 try again later');
          else current.to.push(line), reply('250 2.1.5 ok');
        } else if (verb === 'DATA') (inData = true), reply('354 go ahead');
        else if (verb === 'QUIT') reply('221 bye'), socket.end();
        else if (verb === 'RSET') reply('250 ok');
        else reply('502 not implemented');
      }
    });
  });
}

let server: Server;
let url: string;
const received: Received[] = [];

beforeAll(async () => {
  server = fakeSmtp(received);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.address() as AddressInfo).port}?ignoreTLS=true`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('smtpMailTransport', () => {
  it('delivers a plain-text mail with the sender and a Message-ID stable per outbox row', async () => {
    const transport = smtpMailTransport(url, 'Trellis <crm@acme.example>');
    await transport.send({ id: '42', to: 'ann@example.test', subject: 'Deal won', body: 'Acme signed.' });
    transport.close?.();
    const mail = received.at(-1)!;
    expect(mail.from).toMatch(/<crm@acme.example>/);
    expect(mail.to).toEqual([expect.stringMatching(/<ann@example.test>/)]);
    expect(mail.data).toMatch(/^Subject: Deal won$/m);
    expect(mail.data).toMatch(/^Message-ID: <outbox-42@acme.example>$/im);
    expect(mail.data).toContain('Acme signed.');
    expect(transport.name).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
  });

  it('reports a 5xx refusal as permanent and a 4xx as retryable', async () => {
    const transport = smtpMailTransport(url);
    await expect(transport.send({ id: '1', to: 'reject@example.test', subject: 's', body: 'b' })).rejects.toBeInstanceOf(PermanentMailError);
    const busy = await transport.send({ id: '2', to: 'busy@example.test', subject: 's', body: 'b' }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(Error);
    expect(busy).not.toBeInstanceOf(PermanentMailError);
    transport.close?.();
  });
});

describe('mailTransportFromEnv', () => {
  it('is outbox only without TRELLIS_SMTP_URL and SMTP with it', () => {
    expect(mailTransportFromEnv({})).toBeNull();
    expect(mailTransportFromEnv({ TRELLIS_SMTP_URL: '  ' })).toBeNull();
    const smtp = mailTransportFromEnv({ TRELLIS_SMTP_URL: 'smtp://user:pw@mail.example.com:587' });
    expect(smtp?.name).toBe('smtp://mail.example.com:587');
    smtp?.close?.();
  });
});
