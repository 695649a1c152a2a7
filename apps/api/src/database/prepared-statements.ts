import { createHash } from 'node:crypto';
import pg from 'pg';

/** Past this many on one connection, new statements go unnamed (parsed and planned each time, as before). */
export const MOST_PER_CONNECTION = 500;

/**
 * A condition that holds only when a parameter is given (`$3::timestamptz IS NULL OR (created_at, id)
 * > …`, a keyset's cursor or an optional filter) is what a plan for the given parameters drops and a
 * generic plan can't: such statements stay unnamed, planned for each run. Made generic, a
 * thread's page read a 100,000-post thread from its start (decision 0047).
 */
const OPTIONAL_CONDITION = /\$\d+(?:::[a-z ]+)?\s+IS\s+NULL\s+OR\s+\(/i;

/** `cached plan must not change result type`, and `prepared statement … does not exist`. */
const CACHED_PLAN_CHANGED = '0A000';
const NO_SUCH_STATEMENT = '26000';

/** Names by statement text (null: sent unnamed); the app's statements are a few hundred fixed texts. */
const names = new Map<string, string | null>();

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    name = OPTIONAL_CONDITION.test(text) ? null : `erf_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size >= 4 * MOST_PER_CONNECTION) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * A pg client that sends every statement with parameters as a named prepared statement: parsed
 * once per connection, and after five runs planned once (PostgreSQL's plan cache), where
 * parsing and planning cost more than running most of the app's statements (decision 0047).
 * TypeORM passes text and parameters; the name is the text's hash, so one text is one statement.
 */
export class PreparingClient extends pg.Client {
  private readonly prepared = new Set<string>();
  /** Statements that lost their preparation on this connection: sent unnamed from then on. */
  private readonly unprepared = new Set<string>();

  /**
   * A new connection starts with no statements of its own. The embedded database serves every
   * connection from one session, so a statement prepared through a connection that has since
   * closed is still there: dropped first, or preparing it again would fail.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's connect has a promise form and a callback form
  override connect(callback?: any): any {
    const ready = super.connect().then(async () => {
      await super.query('DEALLOCATE ALL');
      return this;
    });
    if (!callback) return ready;
    ready.then(
      (client) => (callback as (err: Error | null, client: pg.Client) => void)(null, client),
      (err: Error) => (callback as (err: Error) => void)(err),
    );
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query has a dozen overloads; this passes them all through
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = nameOf(config);
      if (name === null || this.unprepared.has(name)) return super.query(config, values, callback);
      if (this.prepared.has(name) || this.prepared.size < MOST_PER_CONNECTION) {
        this.prepared.add(name);
        if (callback) return super.query({ name, text: config, values }, callback);
        // A migration another process ran may change a prepared statement's result type, and a
        // failed bind drops it: the statement has not run, so it is sent again unnamed.
        return super.query({ name, text: config, values }).catch((e: { code?: string }) => {
          if (e?.code !== CACHED_PLAN_CHANGED && e?.code !== NO_SUCH_STATEMENT) throw e;
          this.unprepared.add(name);
          return super.query(config, values);
        });
      }
    }
    return super.query(config, values, callback);
  }
}
