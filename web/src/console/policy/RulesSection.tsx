import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Json } from './draft.ts';
import { usePolicyForm } from './form-context.ts';
import { RuleCard } from './RuleCard.tsx';
import { Section } from './Section.tsx';

/** The ordered overrides: for each setting, the first rule that matches and sets it wins. */
export function RulesSection() {
  const { t } = useTranslation();
  const form = usePolicyForm();
  const rules: Json[] = Array.isArray(form.draft.rules) ? form.draft.rules : [];
  const move = (from: number, to: number) => {
    const next = [...rules];
    const [rule] = next.splice(from, 1);
    if (rule === undefined) return;
    next.splice(to, 0, rule);
    form.set(['rules'], next);
  };
  const remove = (index: number) =>
    form.set(
      ['rules'],
      rules.filter((_, i) => i !== index),
    );
  const add = () => form.set(['rules'], [...rules, { when: {}, then: {} }]);
  return (
    <Section id="rules" title={t('policy.sections.rules')} hint={t('policy.hints.rules')}>
      {rules.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('policy.rules.empty')}
        </Text>
      )}
      <Stack gap="md">
        {rules.map((_, i) => (
          // Rules have no id of their own: their place in the list is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <RuleCard key={i} index={i} count={rules.length} onMove={move} onRemove={remove} />
        ))}
      </Stack>
      {!form.readOnly && (
        <div>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
            {t('policy.rules.add')}
          </Button>
        </div>
      )}
    </Section>
  );
}
