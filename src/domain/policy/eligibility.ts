// Whether one line can come back, until when, and why: the store's window after its rules, raised to
// the destination's statutory floor, with the statutory exemptions. A store's own exclusion (final
// sale, a flag, a rule) never removes a right the law gives.

import type { Jurisdiction } from '../jurisdictions.ts';
import type { OrderLine, ProductFlag } from '../order.ts';
import type { ReturnPath } from '../reasons.ts';
import type { Explainer } from './explain.ts';
import type { Policy } from './policy.schema.ts';
import type { Effects } from './rules.ts';
import type { Explanation } from './types.ts';
import { type Deadline, endOfLocalDay, type Period } from './windows.ts';

export interface EligibilityEnv {
  policy: Policy;
  jurisdiction: Jurisdiction;
  explain: Explainer;
  atMs: number;
  timeZone: string;
  /** local date of delivery of the order's last delivered parcel (day 0) */
  deliveryDate: string;
  /** every ordered unit has been delivered (EU/UK windows start only with the last parcel) */
  fullyDelivered: boolean;
  termsDisclosed: boolean;
}

export interface Eligibility {
  eligible: boolean;
  deadline: string | null;
  explanations: Explanation[];
  /** a statutory right covers this return at `at` */
  statutory: boolean;
  /** when the law that covers it entitles the consumer to a refund: its source */
  refundRequiredBy: string | null;
}

interface LawWindow {
  period: Period;
  source: string;
  notes: Explanation[];
  refundSource: string | null;
}

const OPEN: Deadline = { iso: '', ms: Number.POSITIVE_INFINITY };
const flagCode = (flag: ProductFlag) => (flag === 'final_sale' ? 'final_sale' : `exempt_${flag}`);

function storeExcludes(policy: Policy, flag: ProductFlag, opened: boolean): boolean {
  const cm = policy.change_of_mind;
  return cm.non_returnable_flags.includes(flag) || (opened && cm.non_returnable_when_opened.includes(flag));
}

function statutoryExemption(env: EligibilityEnv, line: OrderLine, opened: boolean) {
  const cm = env.jurisdiction.changeOfMind;
  for (const flag of line.flags) {
    const rule = cm.exemptions[flag];
    if (rule === 'always' || (rule === 'when_opened' && opened))
      return { code: flagCode(flag), source: cm.exemptionSource ?? '' };
    if (rule === 'when_confirmed' && line.no_reason_return_waived)
      return { code: 'return_right_waived', source: cm.exemptionSource ?? '' };
    if (rule === 'store_option' && storeExcludes(env.policy, flag, opened))
      return { code: flagCode(flag), source: cm.storeOptionSource ?? '' };
  }
  return null;
}

function changeOfMindLaw(env: EligibilityEnv): LawWindow | null {
  const { explain: x, jurisdiction: j } = env;
  const cm = j.changeOfMind;
  const ni = env.termsDisclosed ? null : cm.notInformed;
  const refund = j.refundClock?.source ?? null;
  if (ni?.kind === 'replace_months')
    return {
      period: { months: ni.months },
      source: ni.source,
      refundSource: refund ?? ni.source,
      notes: [x.law('legal_period_not_informed', ni.source, { months: ni.months })],
    };
  if (ni?.kind === 'replace_days')
    return {
      period: { days: ni.days },
      source: ni.source,
      refundSource: refund ?? ni.source,
      notes: [x.law('legal_floor', ni.source, { days: ni.days })],
    };
  if (!cm.floorDays) return null;
  const { value: days, source } = cm.floorDays;
  const notes = [x.law('legal_floor', source, { days })];
  if (ni?.kind !== 'extend_months')
    return { period: { days }, source, refundSource: refund ?? source, notes };
  notes.push(x.law('legal_extension_not_informed', ni.source, { months: ni.months }));
  return { period: { days, months: ni.months }, source, refundSource: refund ?? source, notes };
}

function sellerFaultLaw(env: EligibilityEnv): LawWindow | null {
  const { floor, refundWithinFloor } = env.jurisdiction.sellerFault;
  if (!floor) return null;
  const refundSource = refundWithinFloor ? floor.source : null;
  if (floor.code === 'legal_guarantee')
    return {
      period: { years: floor.years },
      source: floor.source,
      refundSource,
      notes: [env.explain.law(floor.code, floor.source, { years: floor.years })],
    };
  return {
    period: { days: floor.days },
    source: floor.source,
    refundSource,
    notes: [env.explain.law(floor.code, floor.source, { days: floor.days })],
  };
}

function ineligible(out: Explanation[], why: Explanation, deadline: string | null = null): Eligibility {
  out.push(why);
  return { eligible: false, deadline, explanations: out, statutory: false, refundRequiredBy: null };
}

export function lineEligibility(
  env: EligibilityEnv,
  line: OrderLine,
  path: ReturnPath,
  opened: boolean,
  effects: Effects,
): Eligibility {
  const { policy, explain: x } = env;
  const out: Explanation[] = [];
  let law: LawWindow | null;
  let block: { code: string; rule: number | null } | null = null;
  let exemption: { code: string; source: string } | null = null;
  let storeDays: number;
  const rw = effects.returnable;
  if (rw && !rw.value) block = { code: 'not_returnable_rule', rule: rw.rule };

  if (path === 'seller_fault') {
    out.push(x.store('path_seller_fault'));
    law = sellerFaultLaw(env);
    storeDays = effects.window_days?.value ?? policy.seller_fault.window_days;
  } else {
    exemption = statutoryExemption(env, line, opened);
    law = exemption ? null : changeOfMindLaw(env);
    storeDays = effects.window_days?.value ?? policy.change_of_mind.window_days;
    if (!rw) {
      const excluded = line.flags.find((f) => storeExcludes(policy, f, opened));
      if (line.flags.includes('final_sale') && !policy.change_of_mind.final_sale_returnable)
        block = { code: 'final_sale', rule: null };
      else if (excluded) block = { code: flagCode(excluded), rule: null };
      // the customer confirmed at purchase that this item has no no-reason return
      else if (line.no_reason_return_waived) block = { code: 'return_right_waived', rule: null };
    }
  }

  const { deliveryDate: date, timeZone: tz } = env;
  const storeDl = block ? null : endOfLocalDay(date, tz, { days: storeDays });
  const open =
    path === 'change_of_mind' && env.jurisdiction.changeOfMind.fromLastParcel && !env.fullyDelivered;
  const lawDl = law ? (open ? OPEN : endOfLocalDay(date, tz, law.period)) : null;

  if (law && lawDl && (!storeDl || lawDl.ms > storeDl.ms)) {
    for (const note of law.notes) out.push(note);
    if (open) out.push(x.law('window_open_until_last_parcel', law.source));
  } else if (storeDl) {
    const days = { days: storeDays };
    const rule = effects.window_days?.rule ?? null;
    out.push(x.store(path === 'seller_fault' ? 'seller_fault_window' : 'store_window', days, rule));
  }

  if (exemption && !storeDl) return ineligible(out, x.law(exemption.code, exemption.source));
  if (block) {
    if (!law) return ineligible(out, x.store(block.code, {}, block.rule));
    out.push(
      x.law(
        block.code === 'final_sale' ? 'final_sale_statutory_right' : 'store_exclusion_overridden',
        law.source,
      ),
    );
  }

  const lawWins = lawDl !== null && (!storeDl || lawDl.ms > storeDl.ms);
  const best = lawWins ? lawDl : storeDl;
  if (!best) return ineligible(out, x.store('not_returnable_rule'));
  const deadline = best === OPEN ? null : best.iso;
  if (deadline !== null) {
    const source = lawWins && law ? law.source : x.storeSource(effects.window_days?.rule);
    if (env.atMs > best.ms) return ineligible(out, x.law('outside_window', source, { deadline }), deadline);
    out.push(x.law('within_window', source, { deadline }));
  }
  const statutory = lawDl !== null && env.atMs <= lawDl.ms;
  return {
    eligible: true,
    deadline,
    explanations: out,
    statutory,
    refundRequiredBy: statutory && law ? law.refundSource : null,
  };
}
