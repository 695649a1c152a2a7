// The baseline for the HTTP figures: a bare node:http server with a pg pool, answering the same
// JSON from one indexed query per request. No framework, no sessions, no policy.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });
const send = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};
const author = (r) =>
  r.author_kind === 'user'
    ? { kind: 'user', username: r.username, displayName: r.display_name, role: r.role }
    : { kind: r.author_kind, alias: r.alias };

async function threadPosts(threadId, limit, after) {
  const { rows } = await pool.query(
    `SELECT p.id, p.thread_id, p.author_kind, p.alias, u.username, u.display_name, u.role, p.body_html, p.created_at, p.edited_at, p.status, p.created_at::text AS k
     FROM posts p LEFT JOIN users u ON u.id = p.author_id
     WHERE p.thread_id = $1 AND p.status = 'published' AND ($3::timestamptz IS NULL OR (p.created_at, p.id) > ($3::timestamptz, $4::uuid))
     ORDER BY p.created_at, p.id LIMIT $2`,
    [threadId, limit + 1, after?.[0] ?? null, after?.[1] ?? null],
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    threadId: r.thread_id,
    author: author(r),
    bodyHtml: r.body_html,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    status: r.status,
    mine: false,
  }));
  const last = rows[limit - 1];
  return {
    items,
    nextCursor: rows.length > limit ? Buffer.from(JSON.stringify([last.k, last.id])).toString('base64url') : null,
  };
}

async function categoryThreads(slug, limit, after) {
  const { rows } = await pool.query(
    `SELECT t.id, t.title, t.author_kind, t.author_alias AS alias, u.username, u.display_name, u.role, t.created_at, t.last_post_at, t.reply_count, t.pinned, t.locked, t.last_post_at::text AS k
     FROM threads t LEFT JOIN users u ON u.id = t.author_id
     WHERE t.category_id = (SELECT id FROM categories WHERE slug = $1) AND t.status = 'published' AND ($3::boolean IS NULL OR (t.pinned, t.last_post_at, t.id) < ($3::boolean, $4::timestamptz, $5::uuid))
     ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT $2`,
    [slug, limit + 1, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null],
  );
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    title: r.title,
    author: author(r),
    createdAt: r.created_at,
    lastPostAt: r.last_post_at,
    replyCount: r.reply_count,
    pinned: r.pinned,
    locked: r.locked,
  }));
  const last = rows[limit - 1];
  return {
    items,
    nextCursor:
      rows.length > limit ? Buffer.from(JSON.stringify([last.pinned, last.k, last.id])).toString('base64url') : null,
  };
}

async function search(q, limit) {
  const { rows } = await pool.query(
    `WITH query AS (SELECT websearch_to_tsquery('norwegian', $1) AS q),
     hits AS (
       SELECT p.id AS post_id, p.thread_id, t.title, p.author_kind, p.alias, u.username, u.display_name, u.role,
              p.created_at, p.body_text, ts_rank(p.search, query.q)::float8 AS rank
       FROM query, posts p
       JOIN threads t ON t.id = p.thread_id AND t.status = 'published'
       JOIN categories c ON c.id = t.category_id AND c.visibility = 'open'
       LEFT JOIN users u ON u.id = p.author_id
       WHERE p.search @@ query.q AND p.status = 'published'
       ORDER BY rank DESC, p.id DESC
       LIMIT $2)
     SELECT hits.*, ts_headline('norwegian', hits.body_text, query.q, 'StartSel=<mark>,StopSel=</mark>,MaxWords=30,MinWords=10') AS snippet
     FROM hits, query ORDER BY hits.rank DESC, hits.post_id DESC`,
    [q, limit + 1],
  );
  return {
    items: rows.slice(0, limit).map((r) => ({
      threadId: r.thread_id,
      postId: r.post_id,
      title: r.title,
      snippet: r.snippet,
      author: author(r),
      createdAt: r.created_at,
    })),
    nextCursor: null,
  };
}

async function reply(threadId, body, userId) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT 1 FROM threads WHERE id = $1 FOR UPDATE', [threadId]);
    const {
      rows: [post],
    } = await client.query(
      `INSERT INTO posts (thread_id, author_kind, author_id, body, body_html, body_text, search, status)
       VALUES ($1, 'user', $2, $3, '<p>' || $3 || '</p>', $3, to_tsvector('norwegian', $3), 'published') RETURNING id, created_at`,
      [threadId, userId, body],
    );
    await client.query('UPDATE threads SET reply_count = reply_count + 1, last_post_at = $2 WHERE id = $1', [
      threadId,
      post.created_at,
    ]);
    await client.query('COMMIT');
    return { id: post.id, threadId, status: 'published' };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

async function consultation(id) {
  const { rows } = await pool.query(
    `SELECT c.id, c.title, c.summary, c.body_html, c.requester, c.audience, c.anonymity, c.confidentiality, c.status,
            c.opens_at, c.closes_at, c.report_due_at,
            (SELECT coalesce(json_agg(json_build_object('id', q.id, 'kind', q.kind, 'prompt', q.prompt, 'options', q.options,
                                                        'required', q.required, 'min', q.min, 'max', q.max) ORDER BY q.position), '[]')
             FROM consultation_questions q WHERE q.consultation_id = c.id) AS questions
     FROM consultations c WHERE c.id = $1 AND c.audience = 'everyone' AND c.status <> 'draft'`,
    [id],
  );
  const c = rows[0];
  return c
    ? {
        id: c.id,
        title: c.title,
        summary: c.summary,
        bodyHtml: c.body_html,
        requester: c.requester,
        audience: c.audience,
        anonymity: c.anonymity,
        confidentiality: c.confidentiality,
        status: c.status,
        opensAt: c.opens_at,
        closesAt: c.closes_at,
        reportDueAt: c.report_due_at,
        questions: c.questions,
        responded: false,
      }
    : null;
}

async function upcomingEvents(limit) {
  const { rows } = await pool.query(
    `SELECT e.id, e.title, e.description_html, e.kind, e.starts_at, e.ends_at, e.location_name, e.location_address,
            e.audience, e.capacity, e.registration, e.status, e.sequence, e.updated_at,
            (SELECT count(*)::int FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'going') AS going
     FROM events e
     WHERE e.ends_at > now() AND e.audience = 'everyone'
     ORDER BY e.starts_at, e.id LIMIT $1`,
    [limit],
  );
  return rows;
}

const eventJson = (e) => ({
  id: e.id,
  title: e.title,
  descriptionHtml: e.description_html,
  kind: e.kind,
  startsAt: e.starts_at,
  endsAt: e.ends_at,
  location: e.location_name ? { name: e.location_name, address: e.location_address } : null,
  audience: e.audience,
  capacity: e.capacity,
  registration: e.registration,
  status: e.status,
  going: e.going,
});

/** A page of published offers by name, each with its organisation, place and opening times, in one query. */
async function services(perPage, page) {
  const { rows } = await pool.query(
    `SELECT count(*) OVER ()::int AS total, s.id, s.organization_id, s.name, s.description, s.url, s.email, s.status,
            s.fees_description, to_char(s.assured_date, 'YYYY-MM-DD') AS assured_date, s.last_modified, s.stale,
            s.municipality_code,
            json_build_object('id', o.id, 'name', o.name, 'description', o.description, 'email', o.email,
                              'website', o.website) AS organization,
            (SELECT l.city FROM directory_service_at_locations sal JOIN directory_locations l ON l.id = sal.location_id
             WHERE sal.service_id = s.id AND l.city IS NOT NULL LIMIT 1) AS place,
            (SELECT coalesce(json_agg(json_build_object('id', sc.id, 'freq', sc.freq, 'byday', sc.byday,
                                                        'opens_at', sc.opens_at, 'closes_at', sc.closes_at,
                                                        'description', sc.description) ORDER BY sc.position), '[]')
             FROM directory_schedules sc WHERE sc.service_id = s.id) AS schedules
     FROM directory_services s JOIN directory_organizations o ON o.id = s.organization_id
     WHERE s.status = ANY($1::text[]) ORDER BY lower(s.name), s.id LIMIT $2 OFFSET $3`,
    [['active', 'temporarily closed'], perPage, (page - 1) * perPage],
  );
  const total = rows[0]?.total ?? 0;
  return {
    total_items: total,
    total_pages: Math.ceil(total / perPage),
    page_number: page,
    size: rows.length,
    first_page: page === 1,
    last_page: page * perPage >= total,
    empty: rows.length === 0,
    contents: rows.map(({ place, municipality_code, stale, ...r }) => ({
      ...r,
      total: undefined,
      x_municipality_code: municipality_code,
      x_stale: stale,
      x_place: place ?? '',
    })),
  };
}

const icsTime = (d) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const icsText = (t) =>
  String(t)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
function calendar(events) {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//baseline//NO', 'CALSCALE:GREGORIAN'];
  for (const e of events)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}@bench`,
      `DTSTAMP:${icsTime(e.updated_at)}`,
      `DTSTART:${icsTime(e.starts_at)}`,
      `DTEND:${icsTime(e.ends_at)}`,
      `SUMMARY:${icsText(e.title)}`,
      ...(e.location_name ? [`LOCATION:${icsText(`${e.location_name}, ${e.location_address ?? ''}`)}`] : []),
      `SEQUENCE:${e.sequence}`,
      e.status === 'cancelled' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
      'END:VEVENT',
    );
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://x');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const cursor = url.searchParams.get('cursor');
    const after = cursor ? JSON.parse(Buffer.from(cursor, 'base64url').toString()) : null;
    let m;
    if (url.pathname === '/health') return send(res, 200, { ok: true });
    if ((m = url.pathname.match(/^\/threads\/([0-9a-f-]{36})\/posts$/)) && req.method === 'GET')
      return send(res, 200, await threadPosts(m[1], limit, after));
    if ((m = url.pathname.match(/^\/categories\/([a-z0-9-]+)\/threads$/)))
      return send(res, 200, await categoryThreads(m[1], limit, after));
    if (url.pathname === '/search') return send(res, 200, await search(url.searchParams.get('q') ?? '', limit));
    if ((m = url.pathname.match(/^\/consultations\/([0-9a-f-]{36})$/))) {
      const c = await consultation(m[1]);
      return c ? send(res, 200, c) : send(res, 404, { message: 'not found' });
    }
    if (url.pathname === '/events') {
      const rows = await upcomingEvents(Number(url.searchParams.get('limit') ?? 50));
      return send(res, 200, { items: rows.map(eventJson), nextCursor: null });
    }
    if (url.pathname === '/hsds/services')
      return send(res, 200, await services(Number(url.searchParams.get('per_page') ?? 20), 1));
    if (url.pathname === '/events.ics') {
      const text = calendar(await upcomingEvents(500));
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      return res.end(text);
    }
    if ((m = url.pathname.match(/^\/threads\/([0-9a-f-]{36})\/posts$/)) && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      return send(res, 201, await reply(m[1], JSON.parse(raw).body, process.env.BENCH_USER_ID));
    }
    send(res, 404, { message: 'not found' });
  } catch (e) {
    send(res, 500, { message: String(e) });
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1');
