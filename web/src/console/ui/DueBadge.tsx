import { Badge, Tooltip } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';

const SOON_MS = 4 * 3_600_000;

/** Re-renders every half minute so countdowns stay true while a queue stays open. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** A deadline as a countdown: red once passed, orange in its last hours. */
/** `spelled` writes the label out in full where no column header says what the date is. */
export function DueBadge({
  at,
  kind,
  spelled = false,
}: {
  at: string;
  /** a return's review, its refund clock, a case's answer, a dispute's evidence */
  kind: 'sla' | 'refund' | 'case' | 'evidence';
  spelled?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const left = new Date(at).getTime() - now;
  const relative = format.relative(at);
  const color = left < 0 ? 'red' : left < SOON_MS ? 'orange' : 'gray';
  const label =
    kind === 'sla'
      ? t(left < 0 ? 'sla.overdue' : 'sla.due', { relative })
      : kind === 'refund'
        ? t('return.refundDue', { relative })
        : t(`cases.due.${kind}${left < 0 ? 'Overdue' : ''}`, { relative });
  return (
    <Tooltip label={format.dateTime(at)}>
      <Badge
        color={color}
        variant={left < 0 ? 'filled' : 'light'}
        leftSection={<IconClock size={12} aria-hidden />}
        aria-label={label}
        tt="none"
      >
        {spelled ? label : relative}
      </Badge>
    </Tooltip>
  );
}
