// The portal's door to the API. A customer has no staff session: the signed token from the order
// lookup travels in `x-portal-token` on every call. Refusals arrive as the same ApiError the console
// uses, so one query client treats both alike (no retry on a 4xx).
import { ApiError, type Problem } from '../../api/transport.ts';
import type {
  CaseOptions,
  CreateCaseBody,
  CreateReturnBody,
  Eligibility,
  LookupAnswer,
  OrderAnswer,
  PortalCase,
  PortalReturn,
  PreviewBody,
  StoreInfo,
  SurveyView,
  Variant,
  WithdrawalAnswer,
  WithdrawalBody,
} from './types.ts';

const BASE = '/api/v1/portal';

async function problemOf(res: Response): Promise<Problem> {
  const fallback = { status: res.status, code: 'http_error', title: res.statusText, detail: '' };
  try {
    return { ...fallback, ...((await res.json()) as Partial<Problem>), status: res.status };
  } catch {
    return fallback;
  }
}

interface CallOptions {
  token?: string;
  method?: 'GET' | 'POST';
  json?: unknown;
  form?: FormData;
  idempotencyKey?: string;
  accept?: string;
}

async function call(path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' };
  if (opts.token) headers['x-portal-token'] = opts.token;
  if (opts.json !== undefined) headers['content-type'] = 'application/json';
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  const res = await fetch(`${BASE}${path}`, {
    method: opts.method ?? (opts.json === undefined && !opts.form ? 'GET' : 'POST'),
    headers,
    credentials: 'omit', // a customer's page never rides on a staff cookie of the same browser
    body: opts.form ?? (opts.json === undefined ? null : JSON.stringify(opts.json)),
  });
  if (!res.ok) throw new ApiError(await problemOf(res));
  return res;
}

const json = async <T>(path: string, opts?: CallOptions) => (await call(path, opts)).json() as Promise<T>;

export function lookupOrder(
  store: string,
  body: { order_number: string; email?: string; postal_code?: string; language: string },
) {
  return json<LookupAnswer>(`/stores/${encodeURIComponent(store)}/lookup`, { json: body });
}

export function loadStore(store: string) {
  return json<StoreInfo>(`/stores/${encodeURIComponent(store)}`);
}

/** Every call that needs the customer's token, bound to it. */
export function portalClient(token: string) {
  return {
    order: (language: string) =>
      json<OrderAnswer>(`/order?language=${encodeURIComponent(language)}`, { token }),
    preview: (body: PreviewBody) => json<Eligibility>('/eligibility', { token, json: body }),
    variants: (lineId: string) =>
      json<{ line_id: string; sku: string; variants: Variant[] }>(
        `/variants?line_id=${encodeURIComponent(lineId)}`,
        { token },
      ),
    createReturn: (body: CreateReturnBody, idempotencyKey: string) =>
      json<PortalReturn>('/returns', { token, json: body, idempotencyKey }),
    getReturn: (id: string) => json<PortalReturn>(`/returns/${encodeURIComponent(id)}`, { token }),
    uploadEvidence: (id: string, lineId: string, files: File[]) => {
      const form = new FormData();
      form.append('line_id', lineId); // before the files: the server reads the parts in order
      for (const f of files) form.append('file', f, f.name);
      return json<{ data: { id: string }[] }>(`/returns/${encodeURIComponent(id)}/evidence`, {
        token,
        form,
        method: 'POST',
      });
    },
    /** the label needs the token header, so it is fetched and handed to the browser as a blob */
    label: async (id: string) =>
      (
        await call(`/returns/${encodeURIComponent(id)}/label.pdf`, {
          token,
          accept: 'application/pdf, application/problem+json',
        })
      ).blob(),
    caseOptions: (language: string) =>
      json<CaseOptions>(`/cases?language=${encodeURIComponent(language)}`, { token }),
    createCase: (body: CreateCaseBody, idempotencyKey: string) =>
      json<PortalCase>('/cases', { token, json: body, idempotencyKey }),
    getCase: (id: string) => json<PortalCase>(`/cases/${encodeURIComponent(id)}`, { token }),
    answerOffer: (id: string, answer: 'accept' | 'decline', idempotencyKey: string, message?: string) =>
      json<PortalCase>(`/cases/${encodeURIComponent(id)}/${answer}`, {
        token,
        json: message ? { message } : {},
        idempotencyKey,
      }),
    uploadCaseEvidence: (id: string, lineId: string | null, files: File[]) => {
      const form = new FormData();
      if (lineId) form.append('line_id', lineId);
      for (const f of files) form.append('file', f, f.name);
      return json<{ data: { id: string }[] }>(`/cases/${encodeURIComponent(id)}/evidence`, {
        token,
        form,
        method: 'POST',
      });
    },
    survey: (caseId: string) => json<SurveyView>(`/surveys/${encodeURIComponent(caseId)}`, { token }),
    answerSurvey: (caseId: string, body: { score: number; comment: string | null }) =>
      json<{ case_id: string; score: number }>(`/surveys/${encodeURIComponent(caseId)}`, {
        token,
        json: body,
      }),
    withdraw: (body: WithdrawalBody, idempotencyKey: string) =>
      json<WithdrawalAnswer>('/withdrawal', { token, json: body, idempotencyKey }),
  };
}

export type PortalClient = ReturnType<typeof portalClient>;
