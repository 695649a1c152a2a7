/**
 * A guest's receipts kept in this browser (localStorage), so they can find them again from
 * "Mine kvitteringer". Nothing of it is sent anywhere; clearing the browser's data removes it.
 */
export interface StoredReceipt {
  /** The link's token, or the short code when the receipt was opened by its code on this browser. */
  token: string;
  code?: string;
  title: string;
  at: string;
}

const KEY = 'erf.receipts';
const MAX = 20;

export function storedReceipts(): StoredReceipt[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list)
      ? list.filter((r): r is StoredReceipt => typeof r?.token === 'string' && typeof r?.title === 'string')
      : [];
  } catch {
    return [];
  }
}

function save(list: StoredReceipt[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // storage unavailable: the link and code on screen are what they have
  }
}

/** The stored receipt that `key` (a token or a code, as typed) stands for. */
export function findStored(key: string): StoredReceipt | undefined {
  const k = normal(key);
  return storedReceipts().find((r) => normal(r.token) === k || (r.code !== undefined && normal(r.code) === k));
}

const normal = (s: string) => s.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

/** Keeps a receipt just given (or just opened); one already kept gets the newer title. */
export function rememberReceipt(token: string, title: string, code?: string): void {
  const known = findStored(token) ?? (code ? findStored(code) : undefined);
  const rest = storedReceipts().filter((r) => r !== known && !(known && r.token === known.token));
  const entry: StoredReceipt = {
    token: known?.token ?? token,
    ...((code ?? known?.code) ? { code: code ?? known?.code } : {}),
    title: title || known?.title || '',
    at: known?.at ?? new Date().toISOString(),
  };
  save([entry, ...rest]);
}

export function forgetReceipt(token: string): void {
  save(storedReceipts().filter((r) => r.token !== token));
}
