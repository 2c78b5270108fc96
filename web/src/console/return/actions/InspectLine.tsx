import { unitRangeShare } from '@domain/money.ts';
import { can } from '@domain/roles.ts';
import { Checkbox, Fieldset, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DispositionChoice } from '../../../api/disposition.ts';
import { useSession } from '../../../api/session.ts';
import { DISPOSITIONS, type Disposition, type ReturnLine } from '../../../api/types.ts';
import { useFormat } from '../../../i18n/format.ts';
import { MoneyInput } from '../../ui/MoneyInput.tsx';
import { checklistFor, DISPOSITION_FOR_GRADE, GRADES, type Grade } from './checklists.ts';
import { DispositionAdvice, isDisposition } from './DispositionAdvice.tsx';
import { InspectionPhotos } from './InspectionPhotos.tsx';

export interface LineVerdict {
  grade: Grade;
  checked: string[];
  disposition: Disposition;
  /** minor units */
  deduction: number;
  deductionReason: string;
  /** where a restocked or refurbished unit waits to be put away ('' : the default, main) */
  location: string;
}

export function initialVerdict(): LineVerdict {
  return { grade: 'A', checked: [], disposition: 'restock', deduction: 0, deductionReason: '', location: '' };
}

/** The route disposition by cost recommends for a grade, else the usual one for the grade. */
export function dispositionFor(grade: Grade, advice?: Record<Grade, DispositionChoice>): Disposition {
  const r = advice?.[grade]?.recommended;
  return r && isDisposition(r) ? r : DISPOSITION_FOR_GRADE[grade];
}

/** The most a deduction may take: what the received units of this line refund. */
export function maxDeduction(line: ReturnLine): number {
  return unitRangeShare(line.refund.total, line.quantity, 0, line.received_quantity);
}

interface Props {
  /** the return, for photos taken at inspection */
  caseId?: string;
  line: ReturnLine;
  currency: string;
  value: LineVerdict;
  onChange: (next: LineVerdict) => void;
  /** disposition by cost, per grade */
  advice?: Record<Grade, DispositionChoice>;
}

export function InspectLine({ caseId, line, currency, value, onChange, advice }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const role = useSession().data?.user.role ?? 'read_only';
  const max = maxDeduction(line);
  const set = (patch: Partial<LineVerdict>) => onChange({ ...value, ...patch });
  return (
    <Fieldset
      legend={`${line.title} · ${t('return.received', { received: line.received_quantity, quantity: line.quantity })}`}
      data-line={line.line_id}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('actions.grade')}
          value={value.grade}
          onChange={(g) => set({ grade: g as Grade, disposition: dispositionFor(g as Grade, advice) })}
        >
          <Group gap="md" mt={4}>
            {GRADES.map((g) => (
              <Radio key={g} value={g} label={t(`actions.grades.${g}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Checkbox.Group
          label={t('actions.checklist')}
          value={value.checked}
          onChange={(checked) => set({ checked })}
        >
          <Group gap="md" mt={4}>
            {checklistFor(line.category).map((item) => (
              <Checkbox key={item} value={item} label={t(`checklist.${item}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <NativeSelect
          label={t('actions.disposition')}
          value={value.disposition}
          onChange={(e) => set({ disposition: e.currentTarget.value as Disposition })}
          data={DISPOSITIONS.map((d) => ({ value: d, label: t(`actions.dispositions.${d}`) }))}
          maw={320}
        />
        {advice?.[value.grade] && (
          <DispositionAdvice
            choice={advice[value.grade]}
            chosen={value.disposition}
            onPick={(disposition) => set({ disposition })}
          />
        )}
        {(value.disposition === 'restock' || value.disposition === 'refurbish') && (
          <TextInput
            label={t('disposition.location')}
            description={t('disposition.locationHint')}
            placeholder="main"
            value={value.location}
            onChange={(e) => set({ location: e.currentTarget.value })}
            maw={320}
          />
        )}
        <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
          <MoneyInput
            label={t('actions.deduction')}
            description={t('actions.deductionMax', { amount: format.money(max, currency) })}
            currency={currency}
            value={value.deduction}
            onChange={(minor) => set({ deduction: minor ?? 0 })}
            error={
              value.deduction > max
                ? t('actions.deductionTooHigh', { amount: format.money(max, currency) })
                : undefined
            }
          />
          <TextInput
            label={t('actions.deductionReason')}
            value={value.deductionReason}
            onChange={(e) => set({ deductionReason: e.currentTarget.value })}
            required={value.deduction > 0}
            error={
              value.deduction > 0 && !value.deductionReason.trim()
                ? t('actions.deductionReasonRequired')
                : undefined
            }
            miw={240}
          />
        </Group>
        {caseId && can(role, 'cases.evidence') && <InspectionPhotos caseId={caseId} lineId={line.line_id} />}
      </Stack>
    </Fieldset>
  );
}
