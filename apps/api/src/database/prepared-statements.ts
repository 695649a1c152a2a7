import { createHash } from 'node:crypto';
import pg from 'pg';

/** Past this many on one connection, new statements go unnamed (parsed and planned each time, as before). */
export const MOST_PER_CONNECTION = 500;

/** Names by statement text: the app's statements are a few hundred fixed texts. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `erf_${createHash('sha1').update(text).digest('base64url')}`;
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

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query has a dozen overloads; this passes them all through
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && values.length > 0) {
      const name = nameOf(config);
      if (this.prepared.has(name) || this.prepared.size < MOST_PER_CONNECTION) {
        this.prepared.add(name);
        return super.query({ name, text: config, values }, callback);
      }
    }
    return super.query(config, values, callback);
  }
}
