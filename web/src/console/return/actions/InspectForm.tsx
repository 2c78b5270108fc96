import { Button, Stack, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDispositionOptions } from '../../../api/disposition.ts';
import type { ReturnView } from '../../../api/types.ts';
import { checklistFor } from './checklists.ts';
import {
  dispositionFor,
  InspectLine,
  initialVerdict,
  type LineVerdict,
  maxDeduction,
} from './InspectLine.tsx';
import { StepError } from './StepError.tsx';
import { useStep } from './useStep.ts';

/** Every received line gets a verdict; lines that never arrived have nothing to inspect. */
export function InspectForm({ ret }: { ret: ReturnView }) {
  const { t } = useTranslation();
  const inspect = useStep(ret.id, 'inspect');
  const received = ret.lines.filter((l) => l.received_quantity > 0);
  const [verdicts, setVerdicts] = useState<Record<string, LineVerdict>>(() =>
    Object.fromEntries(received.map((l) => [l.line_id, initialVerdict()])),
  );
  // disposition by cost: once the options arrive, a line nobody has touched starts from the grade its
  // reason suggests and the route that costs least for it
  const options = useDispositionOptions(ret.id);
  const touched = useRef(new Set<string>());
  useEffect(() => {
    if (!options.data) return;
    setVerdicts((all) => {
      const next = { ...all };
      for (const o of options.data.lines) {
        if (!next[o.line_id] || touched.current.has(o.line_id)) continue;
        next[o.line_id] = {
          ...initialVerdict(),
          grade: o.grade,
          disposition: dispositionFor(o.grade, o.by_grade),
        };
      }
      return next;
    });
  }, [options.data]);
  const advice = (lineId: string) => options.data?.lines.find((o) => o.line_id === lineId)?.by_grade;
  const incomplete =
    Object.values(verdicts).some((v) => v.deduction > 0 && !v.deductionReason.trim()) ||
    received.some((l) => (verdicts[l.line_id]?.deduction ?? 0) > maxDeduction(l));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (incomplete) return;
    inspect.mutate({
      lines: received.map((l) => {
        const v = verdicts[l.line_id] ?? initialVerdict();
        return {
          line_id: l.line_id,
          grade: v.grade,
          // Every item is stored, ticked or not, so a later dispute sees what was looked at.
          checklist: Object.fromEntries(
            checklistFor(l.category).map((item) => [item, v.checked.includes(item)]),
          ),
          disposition: v.disposition,
          ...(v.location.trim() ? { location: v.location.trim() } : {}),
          deduction: { amount: v.deduction, reason: v.deductionReason.trim() },
        };
      }),
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="inspect-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="inspect-title">
          {t('actions.inspectTitle')}
        </Title>
        {received.map((l) => (
          <InspectLine
            key={l.line_id}
            caseId={ret.id}
            line={l}
            currency={ret.currency}
            value={verdicts[l.line_id] ?? initialVerdict()}
            advice={advice(l.line_id)}
            onChange={(v) => {
              touched.current.add(l.line_id);
              setVerdicts((all) => ({ ...all, [l.line_id]: v }));
            }}
          />
        ))}
        {inspect.isError && <StepError error={inspect.error} returnId={ret.id} />}
        <div>
          <Button
            type="submit"
            leftSection={<IconClipboardCheck size={18} aria-hidden />}
            loading={inspect.isPending}
            disabled={incomplete}
          >
            {t('actions.inspect')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
