// Suppliers for the console: their terms and versions, the gaps against the store's promises, the
// units they may owe for, claims with their steps, the month's reconciliation and the scorecards.
// Everything a claim step returns is the whole claim, so a step replaces the claim in the cache.
import type { ClaimStatus, ClaimStep } from '@domain/suppliers/claims.ts';
import type { SupplierTerms } from '@domain/suppliers/terms.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/transport.ts';

export type Terms = SupplierTerms;
export type { ClaimStatus, ClaimStep };

export interface SupplierRef {
  id: string;
  code: string;
  name: string;
  country: string;
}

export interface Supplier extends SupplierRef {
  email: string | null;
  terms_version: number;
  terms: Terms | null;
}

export interface SupplierDetail extends Supplier {
  versions: { version: number; terms: Terms; created_by: string; created_at: string }[];
}

export interface Gap {
  kind: 'no_returns' | 'change_of_mind' | 'window' | 'seller_fault_window' | 'lost_parcels';
  countries: string[];
  store_days: number | null;
  supplier_days: number | null;
  message: string;
  units: number;
  value: number;
}

export interface GapReport {
  days: number;
  currency: string;
  data: {
    supplier: SupplierRef;
    terms_version: number;
    gaps: Gap[];
    /** refunds in a currency without a rate: counted as units, their money listed apart */
    unconverted?: { currency: string; amount: number }[];
  }[];
}

export interface Position {
  claimable: boolean;
  until: string | null;
  remedy?: string;
  why: { code: string; message: string };
}

export interface ClaimRef {
  id: string;
  number: string;
  status: ClaimStatus;
}

export interface Unit {
  source: 'return_line' | 'case';
  case_id: string;
  case_number: string;
  case_kind: string;
  order_number: string;
  line_id: string;
  sku: string;
  title: string;
  quantity: number;
  reason: string;
  grade: string | null;
  supplier: SupplierRef | null;
  position: Position | null;
  value: { amount: number; currency: string };
  unit_cost: { amount: number; currency: string } | null;
  claim: ClaimRef | null;
}

export interface ClaimSummary {
  id: string;
  number: string;
  status: ClaimStatus;
  supplier_code: string;
  supplier_name: string;
  currency: string;
  deadline: string | null;
  claimed_amount: number;
  accepted_amount: number | null;
  credited_amount: number;
  sent_at: string | null;
  created_at: string;
  lines: number;
}

export interface ClaimLine {
  id: string;
  source: string;
  case_id: string | null;
  case_number: string | null;
  order_number: string | null;
  line_id: string | null;
  sku: string | null;
  description: string;
  reason: string;
  quantity: number;
  amount: number;
  accepted_amount: number | null;
  /** a line entered by hand has only the terms version it was claimed under, no position */
  position: (Partial<Position> & { terms_version?: number }) | null;
  evidence: {
    files?: { id: string; content_type: string; name: string }[];
    grade?: string | null;
    checklist?: Record<string, boolean> | null;
  } | null;
}

export interface ClaimMessage {
  id: string;
  direction: 'in' | 'out' | 'internal';
  channel: string;
  author: string | null;
  subject: string | null;
  body: string;
  status: string | null;
  at: string;
}

export interface Claim extends Omit<ClaimSummary, 'supplier_code' | 'supplier_name' | 'lines'> {
  supplier: SupplierRef & { email: string | null };
  supplier_reference: string | null;
  note: string;
  acknowledged_at: string | null;
  decided_at: string | null;
  credited_at: string | null;
  created_by: string;
  next_steps: ClaimStep[];
  lines: ClaimLine[];
  credits: {
    id: string;
    kind: 'credit' | 'replacement' | 'refund';
    amount: number;
    currency: string;
    units: number;
    reference: string;
    received_on: string;
    note: string;
    created_by: string;
    created_at: string;
  }[];
  events: { type: string; actor: string; data: Record<string, unknown> | null; at: string }[];
  messages?: ClaimMessage[];
}

export interface ReconciliationRow {
  refunded: number;
  replaced: number;
  claimed: number;
  credited: number;
  difference: number;
  recovered_share: number | null;
  /** amounts with no rate into the reporting currency, left out of the sums above */
  unconverted: { field: string; currency: string; amount: number }[];
}

export interface Reconciliation {
  month: string;
  currency: string;
  rates: { from: string; rate: string; day: string }[];
  data: (ReconciliationRow & { supplier: Omit<SupplierRef, 'country'> })[];
  totals: ReconciliationRow;
}

export interface ScoreRow {
  key: string;
  supplier_code: string;
  name: string;
  units_sold: number;
  seller_fault_units: number;
  wrong_item_units: number;
  item_problem_units: number;
  defect_rate: number | null;
  wrong_item_rate: number | null;
  claims: number;
  acceptance_rate: number | null;
  mean_days_to_credit: number | null;
  recovered: number;
}

export interface Scorecard {
  currency: string;
  data: ScoreRow[];
  alerts: { sku: string; supplier_code: string; defect_rate: number; units_sold: number; message: string }[];
}

const enc = encodeURIComponent;
const qs = (o: Record<string, string | undefined | null>) =>
  new URLSearchParams(Object.entries(o).filter((e): e is [string, string] => Boolean(e[1]))).toString();

export function useSuppliers() {
  return useQuery({
    queryKey: ['suppliers', 'list'],
    queryFn: () => api.get<{ data: Supplier[] }>('/api/v1/suppliers'),
  });
}

export function useSupplier(code: string) {
  return useQuery({
    queryKey: ['suppliers', 'one', code],
    queryFn: () => api.get<SupplierDetail>(`/api/v1/suppliers/${enc(code)}`),
  });
}

export function useGaps(days: number, supplier?: string) {
  return useQuery({
    queryKey: ['suppliers', 'gaps', days, supplier ?? null],
    queryFn: () =>
      api.get<GapReport>(`/api/v1/suppliers/gaps?${qs({ days: String(days), supplier: supplier ?? null })}`),
  });
}

export function useClaimable(code: string) {
  return useQuery({
    queryKey: ['suppliers', 'claimable', code],
    queryFn: () => api.get<{ data: Unit[] }>(`/api/v1/suppliers/${enc(code)}/claimable`),
  });
}

export function useSupplierPositions(caseId: string) {
  return useQuery({
    queryKey: ['suppliers', 'positions', caseId],
    queryFn: () => api.get<{ data: Unit[] }>(`/api/v1/cases/${caseId}/supplier-positions`),
    // A case without a supplier's lines answers an empty list; a refusal only hides the line.
    retry: false,
  });
}

export function useSaveTerms(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ terms, expected }: { terms: Terms; expected: number }) =>
      api.put<{ version: number; changed: boolean; terms: Terms }>(
        `/api/v1/suppliers/${enc(code)}/terms?expected_version=${expected}`,
        { body: terms },
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['suppliers'] }),
  });
}

export function useClaims(filter: { status?: string | null; supplier?: string | null }) {
  return useQuery({
    queryKey: ['supplier-claims', 'list', filter],
    queryFn: () => api.get<{ data: ClaimSummary[] }>(`/api/v1/supplier-claims?${qs(filter)}`),
  });
}

export function useClaim(id: string) {
  return useQuery({
    queryKey: ['supplier-claims', 'one', id],
    queryFn: () => api.get<Claim>(`/api/v1/supplier-claims/${id}`),
  });
}

export interface BuildClaim {
  supplier: string;
  all_claimable?: true;
  items?: { case_id: string; line_id?: string }[];
  note?: string;
}

export function useBuildClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BuildClaim) => api.post<Claim>('/api/v1/supplier-claims', { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['suppliers'] });
      void client.invalidateQueries({ queryKey: ['supplier-claims'] });
    },
  });
}

export function useDeleteClaim() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/supplier-claims/${id}`),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['suppliers'] });
      void client.invalidateQueries({ queryKey: ['supplier-claims', 'list'] });
    },
  });
}

/** A step (send, acknowledge, accept, reject, credit) or a message: the answer is the claim as it now is. */
export function useClaimAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: ClaimStep | 'messages'; body: object }) =>
      api.post<Claim>(`/api/v1/supplier-claims/${id}/${path}`, { body }),
    onSuccess: (claim) => {
      client.setQueryData(['supplier-claims', 'one', id], claim);
      void client.invalidateQueries({ queryKey: ['supplier-claims', 'list'] });
      void client.invalidateQueries({ queryKey: ['suppliers'] });
    },
  });
}

export function useReconciliation(month: string) {
  return useQuery({
    queryKey: ['suppliers', 'reconciliation', month],
    queryFn: () => api.get<Reconciliation>(`/api/v1/suppliers/reconciliation?month=${month}`),
  });
}

export function scorecardPath(p: {
  from: string;
  to: string;
  by: 'supplier' | 'sku';
  supplier?: string | null;
}) {
  return `/api/v1/analytics/suppliers?${qs({ ...p, supplier: p.supplier ?? null })}`;
}

export function useScorecard(p: Parameters<typeof scorecardPath>[0]) {
  return useQuery({
    queryKey: ['analytics', 'suppliers', p],
    queryFn: () => api.get<Scorecard>(scorecardPath(p)),
    placeholderData: (prev) => prev,
  });
}

/** Who acted, as the claim recorded it ("user:finance@…", "system:demo"): people by their address. */
export const actorLabel = (actor: string | null) => (actor ?? '').replace(/^user:/, '');
