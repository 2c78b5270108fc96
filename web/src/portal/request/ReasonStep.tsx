// Step 2: why. Faults and changes of mind follow different rules (windows, who pays the postage,
// photos), so they are grouped; the engine's answer for this reason shows before going on.
import { Alert, Loader, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconCamera, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomReason, Eligibility, OrderLine } from '../api/types.ts';
import { Explanations } from '../layout/Explanations.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import type { Draft } from './draft.ts';
import { OptionCard } from './OptionCard.tsx';
import { needsNote, type ReasonOption, reasonGroups } from './reasons.ts';

function ReasonGroup({ legend, reasons }: { legend: string; reasons: ReasonOption[] }) {
  return (
    <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
      <Text component="legend" fw={600} size="sm" mb={6}>
        {legend}
      </Text>
      {reasons.map((r) => (
        <OptionCard key={r.code} value={r.code} title={r.label} testId={`reason-${r.code}`} compact />
      ))}
    </Stack>
  );
}

export interface ReasonCheck {
  pending: boolean;
  error: unknown;
  preview: Eligibility | undefined;
  /** chosen lines the engine refuses for this reason */
  refused: { line: OrderLine; explanations: Eligibility['lines'][number]['explanations'] }[];
  evidence: boolean;
}

export function ReasonStep({
  draft,
  update,
  check,
  custom,
  showErrors,
}: {
  draft: Draft;
  custom: CustomReason[];
  update: (patch: Partial<Draft>) => void;
  check: ReasonCheck;
  showErrors: boolean;
}) {
  const { t } = useTranslation('portal');
  const noteNeeded = needsNote(draft.reason);
  const groups = reasonGroups(t, custom);
  return (
    <Stack gap="lg">
      <Radio.Group
        value={draft.reason ?? ''}
        onChange={(v) => update({ reason: v, resolution: null })}
        label={t('wizard.reason.question')}
        error={showErrors && !draft.reason ? t('wizard.reason.missing') : undefined}
        size="md"
      >
        <Stack gap="md" mt="xs">
          <ReasonGroup legend={t('wizard.reason.faultGroup')} reasons={groups.fault} />
          <ReasonGroup legend={t('wizard.reason.mindGroup')} reasons={groups.mind} />
          <ReasonGroup legend={t('wizard.reason.otherGroup')} reasons={groups.other} />
        </Stack>
      </Radio.Group>

      <div>
        <Text size="sm" fw={500} id="opened-label" mb={4}>
          {t('wizard.reason.opened')}
        </Text>
        <SegmentedControl
          aria-labelledby="opened-label"
          value={draft.opened ? 'yes' : 'no'}
          onChange={(v) => update({ opened: v === 'yes' })}
          data={[
            { value: 'no', label: t('wizard.reason.openedNo') },
            { value: 'yes', label: t('wizard.reason.openedYes') },
          ]}
        />
        <Text size="xs" c="gray.7" mt={4}>
          {t('wizard.reason.openedHint')}
        </Text>
      </div>

      <Textarea
        label={noteNeeded ? t('wizard.reason.noteRequired') : t('wizard.reason.note')}
        description={t('wizard.reason.noteHint')}
        value={draft.note}
        onChange={(e) => update({ note: e.currentTarget.value })}
        autosize
        minRows={3}
        maxLength={2000}
        required={noteNeeded}
        error={showErrors && noteNeeded && !draft.note.trim() ? t('wizard.reason.noteMissing') : undefined}
      />

      <div aria-live="polite">
        {draft.reason && check.pending && (
          <Text size="sm" c="gray.7">
            <Loader size="xs" mr={6} />
            {t('wizard.reason.checking')}
          </Text>
        )}
        {check.error ? <ProblemMessage error={check.error} /> : null}
        {check.refused.length > 0 && (
          <Alert color="red" title={t('wizard.reason.refusedTitle')} data-testid="reason-refused">
            <Stack gap="sm">
              {check.refused.map((r) => (
                <div key={r.line.id}>
                  <Text fw={600} size="sm">
                    {r.line.title}
                  </Text>
                  <Explanations items={r.explanations} />
                </div>
              ))}
              <Text size="sm">{t('wizard.reason.refusedHint')}</Text>
            </Stack>
          </Alert>
        )}
        {check.preview && check.refused.length === 0 && (
          <Alert color="teal" icon={<IconCircleCheck aria-hidden />} title={t('wizard.reason.okTitle')}>
            {check.evidence ? (
              <Text size="sm">
                <IconCamera
                  size={16}
                  aria-hidden
                  style={{ verticalAlign: 'text-bottom', marginInlineEnd: 4 }}
                />
                {t('wizard.reason.evidenceNext')}
              </Text>
            ) : (
              <Text size="sm">{t('wizard.reason.okBody')}</Text>
            )}
          </Alert>
        )}
      </div>
    </Stack>
  );
}
