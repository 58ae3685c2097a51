/**
 * The baseline: what a hand-written endpoint would do for the same four operations — node:http, a pg Pool,
 * one hand-written SQL statement each, rows serialised with JSON.stringify.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

export interface RawServer {
  url: string;
  close(): Promise<void>;
}

type Handler = (pool: pg.Pool, body: Record<string, unknown>) => Promise<unknown>;

const person = (r: Record<string, unknown>) => ({
  id: r['id'],
  name: r['name'],
  email: r['email'],
  age: r['age'],
  createdAt: (r['created_at'] as Date).toISOString(),
});

const handlers: Record<string, Handler> = {
  async list(pool, body) {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*)::int FROM main.person WHERE age >= $1 AND age < $2) AS total, p.id, p.name, p.email, p.age, p.created_at
         FROM main.person p WHERE p.age >= $1 AND p.age < $2 ORDER BY p.name, p.id LIMIT 51`,
      [body['minAge'], body['maxAge']],
    );
    return { totalCount: rows[0]?.total ?? 0, hasNextPage: rows.length > 50, items: rows.slice(0, 50).map(person) };
  },
  async listNested(pool, body) {
    const { rows } = await pool.query(
      `SELECT (SELECT count(*)::int FROM main.person WHERE age >= $1 AND age < $2) AS total, p.id, p.name, p.email, p.age, p.created_at,
              c.id AS company_id, c.name AS company_name
         FROM main.person p LEFT JOIN main.company c ON c.id = p.company_id
        WHERE p.age >= $1 AND p.age < $2 ORDER BY p.name, p.id LIMIT 51`,
      [body['minAge'], body['maxAge']],
    );
    return {
      totalCount: rows[0]?.total ?? 0,
      hasNextPage: rows.length > 50,
      items: rows.slice(0, 50).map((r) => ({ ...person(r), company: r.company_id ? { id: r.company_id, name: r.company_name } : null })),
    };
  },
  async byId(pool, body) {
    const { rows } = await pool.query(`SELECT id, name, email, age, created_at FROM main.person WHERE id = $1`, [body['id']]);
    return rows[0] ? person(rows[0]) : null;
  },
  async create(pool, body) {
    const { rows } = await pool.query(
      `INSERT INTO main.person (name, email, age, company_id, created_by, updated_by) VALUES ($1, $2, $3, $4, 'user:raw', 'user:raw')
       RETURNING id, name, email, age, created_at`,
      [body['name'], body['email'], body['age'], body['company']],
    );
    return person(rows[0]);
  },
};

export async function startRawServer(databaseUrl: string, poolSize = 10): Promise<RawServer> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, options: '-c TimeZone=UTC' });
  const server = http.createServer((req, res) => {
    const handler = handlers[(req.url ?? '').slice(1)];
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reply = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      if (!handler) return reply(404, { error: 'not found' });
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return reply(400, { error: 'bad json' });
      }
      handler(pool, body).then(
        (data) => reply(200, { data }),
        (error: unknown) => reply(500, { error: String(error) }),
      );
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
