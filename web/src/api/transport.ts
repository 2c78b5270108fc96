// The one door to the API. The console signs in with a staff session: an HTTP-only cookie the
// browser sends by itself, plus the session's CSRF token echoed on every request that changes
// something (a forged cross-site form cannot read it).

export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
}

let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function readProblem(res: Response): Promise<Problem> {
  const fallback = { status: res.status, code: 'http_error', title: res.statusText, detail: '' };
  try {
    return { ...fallback, ...((await res.json()) as Partial<Problem>) };
  } catch {
    return fallback;
  }
}

export interface RequestOptions {
  body?: unknown;
  /** for steps that move money or call a provider: a retry with the same key replays the first answer */
  idempotencyKey?: string;
  /** a body sent as it is (a CSV file) instead of JSON */
  raw?: { contentType: string; text: string };
  /** files and fields as multipart/form-data (the browser sets the boundary) */
  form?: FormData;
}

export async function send(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (opts.raw) headers['content-type'] = opts.raw.contentType;
  else if (opts.body !== undefined && !opts.form) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body:
      opts.form ?? (opts.raw ? opts.raw.text : opts.body === undefined ? null : JSON.stringify(opts.body)),
  });
  if (!res.ok) throw new ApiError(await readProblem(res));
  return res;
}

export const api = {
  get: async <T>(path: string): Promise<T> => (await send('GET', path)).json() as Promise<T>,
  post: async <T>(path: string, opts?: RequestOptions): Promise<T> =>
    (await send('POST', path, { body: {}, ...opts })).json() as Promise<T>,
  put: async <T>(path: string, opts: RequestOptions): Promise<T> =>
    (await send('PUT', path, opts)).json() as Promise<T>,
  delete: async (path: string): Promise<void> => {
    await send('DELETE', path);
  },
};

/** A random key; crypto.randomUUID is missing on plain-HTTP LAN addresses, getRandomValues is not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
