// The store's offer waiting for the customer's answer (a partial refund for a damaged item, say):
// accept it and it is carried out at once; decline it and the team looks again.
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/transport.ts';
import { useAnswerOffer } from '../api/case-queries.ts';
import type { PortalCase } from '../api/types.ts';
import { usePortalFormat } from '../i18n/format.ts';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';

export function OfferCard({ c }: { c: PortalCase }) {
  const { t } = useTranslation('portal');
  const format = usePortalFormat();
  const answer = useAnswerOffer(c.id);
  const key = useRef(newIdempotencyKey());
  const [declining, setDeclining] = useState(false);
  const [message, setMessage] = useState('');
  const offer = c.offer;
  if (!offer) return null;
  const amount = offer.amount === null ? '' : format.money(offer.amount, c.currency);
  return (
    <Paper p="md" component="section" aria-labelledby="offer-title" bg="yellow.0" data-testid="offer">
      <Stack gap="sm">
        <Text fw={600} id="offer-title">
          {t('cases.offer.title')}
        </Text>
        <Text data-testid="offer-text">{t(`cases.offer.${offer.type}`, { amount })}</Text>
        {offer.message && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {offer.message}
          </Text>
        )}
        {c.can_answer_offer && !declining && (
          <Group gap="sm">
            <Button
              onClick={() => answer.mutate({ answer: 'accept', idempotencyKey: key.current })}
              loading={answer.isPending}
              data-testid="accept-offer"
            >
              {t('cases.offer.accept')}
            </Button>
            <Button
              variant="outline"
              color="dark"
              onClick={() => setDeclining(true)}
              data-testid="decline-offer"
            >
              {t('cases.offer.decline')}
            </Button>
          </Group>
        )}
        {declining && (
          <Stack gap="sm">
            <Textarea
              label={t('cases.offer.why')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
            />
            <Group gap="sm">
              <Button
                color="dark"
                onClick={() =>
                  answer.mutate({ answer: 'decline', idempotencyKey: key.current, message: message.trim() })
                }
                loading={answer.isPending}
              >
                {t('cases.offer.sendDecline')}
              </Button>
              <Button variant="subtle" onClick={() => setDeclining(false)}>
                {t('cases.offer.back')}
              </Button>
            </Group>
          </Stack>
        )}
        {answer.error && <ProblemMessage error={answer.error} />}
      </Stack>
    </Paper>
  );
}
