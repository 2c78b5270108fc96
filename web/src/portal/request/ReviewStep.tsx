// Last step: everything the customer chose, and the money from the engine's preview of exactly this
// request, before anything is sent.

import { Alert, Divider, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconBolt, IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomReason, Eligibility, OrderLine, ReturnMethod } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { Explanations } from '../layout/Explanations.tsx';
import { ItemImage } from '../layout/ItemImage.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { Breakdown } from './Breakdown.tsx';
import { type Draft, filesCount } from './draft.ts';
import { ExchangeTarget } from './ExchangeTarget.tsx';
import { useExchangeText } from './exchange-money.ts';
import { reasonLabel } from './reasons.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

export function ReviewStep({
  draft,
  custom,
  lines,
  currency,
  method,
  preview,
  previewError,
}: {
  draft: Draft;
  custom: CustomReason[];
  lines: OrderLine[];
  currency: string;
  method: ReturnMethod;
  preview: Eligibility | undefined;
  previewError: unknown;
}) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const titleOf = (id: string) => lines.find((l) => l.id === id)?.title ?? id;
  const photos = filesCount(draft);
  const exchangeText = useExchangeText();
  return (
    <Stack gap="md">
      <Paper p="md">
        <Stack gap="sm">
          <Row label={t('wizard.review.items')}>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {Object.entries(draft.quantities).map(([id, q]) => (
                <Group key={id} component="li" gap="sm" wrap="nowrap">
                  <ItemImage url={lines.find((l) => l.id === id)?.image_url ?? null} size={40} />
                  <Text size="sm">{t('order.itemTimes', { count: q, title: titleOf(id) })}</Text>
                </Group>
              ))}
            </Stack>
          </Row>
          <Row label={t('wizard.review.reason')}>
            <Text size="sm">{draft.reason ? reasonLabel(t, draft.reason, custom) : ''}</Text>
            {draft.note.trim() && (
              <Text size="sm" c="gray.7" style={{ whiteSpace: 'pre-wrap' }} data-testid="review-note">
                {/* each language's own quotation marks: „…“, « … », 「…」 */}
                {t('wizard.review.note', { text: draft.note.trim() })}
              </Text>
            )}
          </Row>
          {photos > 0 && (
            <Row label={t('wizard.review.photos')}>
              <Text size="sm">{t('wizard.review.photosCount', { count: photos })}</Text>
            </Row>
          )}
          <Row label={t('wizard.review.resolution')}>
            <Text size="sm">{draft.resolution ? t(`resolutions.${draft.resolution}.title`) : ''}</Text>
          </Row>
          {method !== 'none' && (
            <Row label={t('wizard.review.method')}>
              <Text size="sm">{t(`methods.${method}.title`)}</Text>
            </Row>
          )}
        </Stack>
      </Paper>

      {previewError ? <ProblemMessage error={previewError} /> : null}
      {!preview && !previewError && <Skeleton h={200} />}
      {preview && !preview.eligible && (
        <Alert color="red" title={t('wizard.review.notEligible')} role="alert">
          {preview.lines
            .filter((l) => !l.eligible)
            .map((l) => (
              <div key={l.line_id}>
                <Text size="sm" fw={600}>
                  {titleOf(l.line_id)}
                </Text>
                <Explanations items={l.explanations} />
              </div>
            ))}
        </Alert>
      )}
      {preview && (
        <Paper p="md">
          <Stack gap="sm">
            <Breakdown
              amounts={preview.totals}
              currency={currency}
              caption={t(
                draft.resolution === 'store_credit' || draft.resolution === 'exchange'
                  ? 'wizard.review.valueCaption'
                  : 'wizard.review.refundCaption',
              )}
            />
            {draft.resolution === 'store_credit' && preview.store_credit && (
              <Text size="sm" fw={600} data-testid="review-store-credit">
                {t('wizard.review.creditTotal', {
                  total: format.money(preview.store_credit.total, currency),
                  bonus: format.money(preview.store_credit.bonus, currency),
                })}
              </Text>
            )}
            {draft.resolution === 'exchange' &&
              Object.entries(draft.exchange)
                .filter(([lineId]) => (draft.quantities[lineId] ?? 0) > 0)
                .map(([lineId, sku]) => <ExchangeTarget key={lineId} lineId={lineId} sku={sku} />)}
            {draft.resolution === 'exchange' && preview.exchange && (
              <Text size="sm" fw={600} data-testid="review-exchange">
                {exchangeText(preview.exchange, currency)}
              </Text>
            )}
            <Divider />
            {preview.auto_approve ? (
              <Alert color="teal" icon={<IconBolt aria-hidden />} title={t('wizard.review.autoTitle')}>
                {t(method === 'none' ? 'wizard.review.autoKeep' : 'wizard.review.autoBody')}
              </Alert>
            ) : (
              <Alert color="blue" icon={<IconUserCheck aria-hidden />} title={t('wizard.review.reviewTitle')}>
                <Stack gap={4}>
                  <Text size="sm">{t('wizard.review.reviewBody')}</Text>
                  <Explanations items={preview.review_reasons} />
                </Stack>
              </Alert>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
