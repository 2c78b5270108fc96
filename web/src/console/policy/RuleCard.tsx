import {
  ActionIcon,
  Box,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getIn, pathKey } from './draft.ts';
import { ChecksField, MoneyField, MultiField, NumberField, TagsField, TriStateField } from './fields.tsx';
import { usePolicyForm } from './form-context.ts';
import { usePolicyOptions } from './options.ts';

interface Props {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** One rule: conditions (all must match; an empty one matches everything) and the settings it changes. */
export function RuleCard({ index, count, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const o = usePolicyOptions();
  const form = usePolicyForm();
  const at = ['rules', index] as const;
  const when = [...at, 'when'] as const;
  const then = [...at, 'then'] as const;
  const n = index + 1;
  const name = getIn(form.draft, [...at, 'name']);
  const path = getIn(form.draft, [...when, 'path']);
  const r = (key: string) => t(`policy.rules.${key}`);
  const thenError = form.errors.get(pathKey(then));

  return (
    <Paper
      p="md"
      bg="gray.0"
      withBorder
      data-rule={n}
      component="article"
      aria-label={t('policy.rules.rule', { n })}
    >
      <Group justify="space-between" align="flex-end" wrap="nowrap" mb="sm">
        <TextInput
          label={t('policy.rules.rule', { n })}
          placeholder={r('unnamed')}
          value={typeof name === 'string' ? name : ''}
          onChange={(e) => form.set([...at, 'name'], e.currentTarget.value || undefined)}
          error={form.errors.get(pathKey([...at, 'name']))}
          readOnly={form.readOnly}
          style={{ flex: 1 }}
        />
        {!form.readOnly && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('policy.rules.up', { n })}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('policy.rules.up', { n })}
                disabled={index === 0}
                onClick={() => onMove(index, index - 1)}
              >
                <IconArrowUp size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('policy.rules.down', { n })}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('policy.rules.down', { n })}
                disabled={index === count - 1}
                onClick={() => onMove(index, index + 1)}
              >
                <IconArrowDown size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('policy.rules.remove', { n })}>
              <ActionIcon
                variant="light"
                color="red"
                size="lg"
                aria-label={t('policy.rules.remove', { n })}
                onClick={() => onRemove(index)}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <Stack gap="sm">
        <Fieldset legend={r('when')} variant="filled">
          <Text size="xs" c="dimmed" mb="xs">
            {r('whenHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <NativeSelect
              label={r('path')}
              value={typeof path === 'string' ? path : ''}
              onChange={(e) => form.set([...when, 'path'], e.currentTarget.value || undefined)}
              disabled={form.readOnly}
              data={[
                { value: '', label: r('pathDerived') },
                { value: 'change_of_mind', label: t('path.change_of_mind') },
                { value: 'seller_fault', label: t('path.seller_fault') },
                { value: 'any', label: r('pathAny') },
              ]}
            />
            <MultiField path={[...when, 'reasons']} label={r('reasons')} options={o.reasons} optional />
            <TagsField
              path={[...when, 'countries']}
              label={r('countries')}
              description={r('countriesHint')}
              optional
              upper
            />
            <TagsField path={[...when, 'segments']} label={r('segments')} optional />
            <TagsField path={[...when, 'categories']} label={r('categories')} optional />
            <MultiField path={[...when, 'flags']} label={r('flags')} options={o.flags} optional />
            <TagsField path={[...when, 'tags']} label={r('tags')} optional />
            <Group grow align="flex-start" gap="sm">
              <MoneyField path={[...when, 'order_value', 'min']} label={r('orderMin')} optional />
              <MoneyField path={[...when, 'order_value', 'max']} label={r('orderMax')} optional />
            </Group>
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={r('then')} variant="filled">
          <Text size="xs" c={thenError ? 'red.8' : 'dimmed'} mb="xs" role={thenError ? 'alert' : undefined}>
            {thenError ?? r('thenHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm">
            <NumberField
              path={[...then, 'window_days']}
              label={r('window_days')}
              suffix={t('policy.units.days')}
              max={3650}
              optional
            />
            <TriStateField path={[...then, 'returnable']} label={r('returnable')} />
            <NumberField
              path={[...then, 'restocking_fee_percent']}
              label={r('restocking_fee_percent')}
              suffix="%"
              max={100}
              decimals
              optional
            />
            <MoneyField path={[...then, 'return_shipping_fee']} label={r('return_shipping_fee')} optional />
            <TriStateField path={[...then, 'free_return_shipping']} label={r('free_return_shipping')} />
            <TriStateField path={[...then, 'auto_approve']} label={r('auto_approve')} />
          </SimpleGrid>
          <Box mt="sm">
            <ChecksField
              path={[...then, 'resolutions']}
              label={r('resolutions')}
              options={o.resolutions}
              optional
            />
          </Box>
        </Fieldset>
      </Stack>
    </Paper>
  );
}
