// The satisfaction survey a customer opens from the email some days after their case closed: one
// question, five answers, an optional comment, sent once. The link is the 60-day status link.
import { Alert, Button, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePortalClient } from '../api/queries.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';

const SCORES = ['1', '2', '3', '4', '5'] as const;

export function SurveyPage() {
  const { t } = useTranslation('portal');
  const { id = '' } = useParams();
  const { client, key } = usePortalClient();
  const queries = useQueryClient();
  const survey = useQuery({ queryKey: [...key, 'survey', id], queryFn: () => client.survey(id) });
  const [score, setScore] = useState<string>('');
  const [comment, setComment] = useState('');
  const answer = useMutation({
    mutationFn: () => client.answerSurvey(id, { score: Number(score), comment: comment.trim() || null }),
    onSuccess: () => queries.invalidateQueries({ queryKey: [...key, 'survey', id] }),
  });
  if (survey.error) return <ProblemMessage error={survey.error} />;
  if (!survey.data) return null;
  const s = survey.data;
  const answered = s.answered_at !== null || answer.isSuccess;
  const given = answer.data?.score ?? s.score ?? 0;
  return (
    <Stack gap="md">
      <PageHeading title={t('survey.title')} lead={t('survey.about', { number: s.case_number })} />
      {answered ? (
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} data-testid="survey-thanks">
          <Text fw={600}>{t('survey.thanks')}</Text>
          {given <= 2 && <Text size="sm">{t('survey.followUp')}</Text>}
        </Alert>
      ) : (
        <Paper
          p="md"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate();
          }}
        >
          <Stack gap="md">
            <Text fw={600} id="survey-question">
              {t('survey.question')}
            </Text>
            <SegmentedControl
              aria-labelledby="survey-question"
              fullWidth
              size="md"
              value={score}
              onChange={setScore}
              data={SCORES.map((v) => ({ value: v, label: v }))}
              data-testid="survey-score"
            />
            <Text size="sm" c="gray.7">
              {t('survey.scale')}
            </Text>
            <Textarea
              label={t('survey.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              maxLength={2000}
              autosize
              minRows={3}
            />
            {answer.error && <ProblemMessage error={answer.error} />}
            <Button type="submit" disabled={!score} loading={answer.isPending}>
              {t('survey.send')}
            </Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
