// The return request, one question per step: items, reason, photos (when asked for), resolution,
// method, review. The step is in the address (?step=), so the phone's back gesture goes back a
// step instead of leaving the request.
import { Anchor, Button, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useCreateReturn, useOrder } from '../api/queries.ts';
import type { OrderAnswer } from '../api/types.ts';
import { PageHeading } from '../layout/PageHeading.tsx';
import { ProblemMessage } from '../layout/ProblemMessage.tsx';
import { usePortalScope } from '../session/scope.tsx';
import { portalPath } from '../session/token.ts';
import { STAGES, type StepId, stageOf } from './draft.ts';
import { ItemsStep } from './ItemsStep.tsx';
import { MethodStep } from './MethodStep.tsx';
import { PhotosStep } from './PhotosStep.tsx';
import { ReasonStep } from './ReasonStep.tsx';
import { ResolutionStep } from './ResolutionStep.tsx';
import { ReviewStep } from './ReviewStep.tsx';
import { useRequestWizard } from './useRequestWizard.ts';

export function RequestWizardPage() {
  const { t } = useTranslation('portal');
  const order = useOrder();
  if (order.isPending) return <Skeleton h={320} aria-label={t('common.loading')} />;
  if (order.error) return <ProblemMessage error={order.error} />;
  return <RequestWizard answer={order.data} />;
}

function RequestWizard({ answer }: { answer: OrderAnswer }) {
  const { t } = useTranslation('portal');
  const { store } = usePortalScope();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const asked = (params.get('step') ?? 'items') as StepId;
  const w = useRequestWizard(answer, asked);
  const create = useCreateReturn();
  const [showErrors, setShowErrors] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A reload or a deep link lands past answers that are gone (files cannot be kept): start over.
  const step: StepId = w.steps.includes(asked) && (asked === 'items' || w.complete.items) ? asked : 'items';
  const index = w.steps.indexOf(step);

  // biome-ignore lint/correctness/useExhaustiveDependencies: announce each new step once
  useEffect(() => {
    setShowErrors(false);
    if (index > 0) headingRef.current?.focus();
  }, [step]);

  const currency = answer.order.currency;
  const go = (to: StepId) => setParams({ step: to }, { state: { wizard: true } });
  const next = () => {
    if (!w.complete[step]) return setShowErrors(true);
    const following = w.steps[index + 1];
    if (following) go(following);
  };
  const back = () => {
    const previous = w.steps[index - 1];
    if (!previous) return navigate(portalPath(store, 'order'));
    if ((location.state as { wizard?: boolean } | null)?.wizard) navigate(-1);
    else setParams({ step: previous }, { replace: true });
  };
  const submit = () => {
    if (!w.complete.review || create.isPending) return;
    create.mutate(w.submission(), {
      onSuccess: ({ created, failedUploads }) =>
        navigate(portalPath(store, `returns/${created.id}`), { state: { created: true, failedUploads } }),
    });
  };

  return (
    <Stack gap="lg">
      <PageHeading title={t('wizard.title', { number: answer.order.number })} />
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={600} id="wizard-progress" data-testid="wizard-progress">
            {t('wizard.progress', { step: stageOf(step), total: STAGES })}
          </Text>
          <Anchor component={Link} to={portalPath(store, 'order')} size="sm">
            {t('wizard.cancel')}
          </Anchor>
        </Group>
        <Progress.Root size="sm">
          {/* the bar itself carries the name: Mantine puts role="progressbar" on the section */}
          <Progress.Section value={(stageOf(step) / STAGES) * 100} aria-labelledby="wizard-progress" />
        </Progress.Root>
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="step-title" data-step={step}>
        <Title order={2} size="h3" id="step-title" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {t(`wizard.steps.${step}`)}
        </Title>
        {step === 'items' && (
          <ItemsStep items={w.items} currency={currency} draft={w.draft} update={w.update} />
        )}
        {step === 'reason' && (
          <ReasonStep
            draft={w.draft}
            update={w.update}
            check={w.reasonCheck}
            custom={answer.custom_reasons ?? []}
            showErrors={showErrors}
          />
        )}
        {step === 'photos' && (
          <PhotosStep lines={w.evidenceLines} draft={w.draft} update={w.update} showErrors={showErrors} />
        )}
        {step === 'resolution' && (
          <ResolutionStep
            options={w.resolutionOptions}
            lines={w.chosen}
            currency={currency}
            draft={w.draft}
            update={w.update}
            showErrors={showErrors}
          />
        )}
        {step === 'method' && (
          <MethodStep
            offered={w.methodChoice.offered}
            pending={w.methodChoice.pending}
            currency={currency}
            draft={w.draft}
            update={w.update}
            showErrors={showErrors}
          />
        )}
        {step === 'review' && (
          <ReviewStep
            draft={w.draft}
            custom={answer.custom_reasons ?? []}
            lines={answer.order.lines}
            currency={currency}
            method={w.method}
            preview={w.review.data}
            previewError={w.review.error}
          />
        )}
        {showErrors && step === 'items' && !w.complete.items && (
          <Text c="red.9" size="sm" role="alert">
            {t('wizard.items.missing')}
          </Text>
        )}
        {create.error && <ProblemMessage error={create.error} />}
      </Stack>

      <Group justify="space-between" gap="sm">
        <Button variant="default" onClick={back} leftSection={<IconArrowLeft size={18} aria-hidden />}>
          {t('wizard.back')}
        </Button>
        {step === 'review' ? (
          <Button
            onClick={submit}
            loading={create.isPending}
            disabled={!w.complete.review}
            size="md"
            leftSection={<IconSend size={18} aria-hidden />}
            data-testid="submit-return"
          >
            {t('wizard.submit')}
          </Button>
        ) : (
          <Button onClick={next} size="md" rightSection={<IconArrowRight size={18} aria-hidden />}>
            {t('wizard.next')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
