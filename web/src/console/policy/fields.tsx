// Inputs bound to one path of the policy draft. Each shows the error for its path (from the live
// schema check or the server) and is read-only for roles that may not change the policy.
import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../ui/MoneyInput.tsx';
import { getIn, type Json, type Path, pathKey } from './draft.ts';
import { usePolicyForm } from './form-context.ts';

interface Base {
  path: Path;
  label: ReactNode;
  description?: ReactNode;
}
export interface Option {
  value: string;
  label: string;
}

function useField(path: Path) {
  const form = usePolicyForm();
  return {
    value: getIn(form.draft, path),
    error: form.errors.get(pathKey(path)),
    set: (v: Json | undefined) => form.set(path, v),
    readOnly: form.readOnly,
    // the policy names the currency of its amounts; a document from before it did is the store's
    currency: typeof form.draft.currency === 'string' ? form.draft.currency : form.currency,
  };
}

/** `optional`: an empty box removes the setting (a rule's effect); otherwise empty is an error. */
export function NumberField({
  path,
  optional,
  suffix,
  min = 0,
  max,
  decimals = false,
  ...rest
}: Base & { optional?: boolean; suffix?: string; min?: number; max?: number; decimals?: boolean }) {
  const f = useField(path);
  return (
    <NumberInput
      {...rest}
      value={typeof f.value === 'number' ? f.value : ''}
      onChange={(v) => f.set(typeof v === 'number' ? v : optional ? undefined : null)}
      error={f.error}
      min={min}
      max={max}
      allowDecimal={decimals}
      rightSection={suffix}
      rightSectionWidth={suffix ? Math.max(36, suffix.length * 8 + 16) : undefined}
      rightSectionPointerEvents="none"
      readOnly={f.readOnly}
      hideControls
      maw={260}
    />
  );
}

/** Minor units in the draft, in the policy's currency on screen (JPY has no decimals, KWD three). */
export function MoneyField({ path, optional, ...rest }: Base & { optional?: boolean }) {
  const f = useField(path);
  return (
    <MoneyInput
      {...rest}
      currency={f.currency}
      value={typeof f.value === 'number' ? f.value : null}
      onChange={(minor) => f.set(minor === null ? (optional ? undefined : null) : minor)}
      error={f.error}
      readOnly={f.readOnly}
    />
  );
}

/** The store's own amounts per currency beside a base amount (`{"JPY": 800}`): orders in a listed
 *  currency use its amount, others the base amount converted at the store's rates. */
export function ByCurrencyField({ path, label, description }: Base) {
  const f = useField(path);
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const entries = Object.entries(
    f.value && typeof f.value === 'object' && !Array.isArray(f.value)
      ? (f.value as Record<string, Json>)
      : {},
  ).filter((e): e is [string, number] => typeof e[1] === 'number');
  const put = (next: [string, number][]) => f.set(next.length ? Object.fromEntries(next) : undefined);
  const code = adding.trim().toUpperCase();
  const canAdd = /^[A-Z]{3}$/.test(code) && code !== f.currency && !entries.some(([c]) => c === code);
  return (
    <Stack gap={6} data-testid={`by-currency-${pathKey(path)}`}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      {entries.map(([currency, amount]) => (
        <Group key={currency} gap="xs" align="flex-start">
          <MoneyInput
            aria-label={t('policy.byCurrency.amountIn', { currency })}
            currency={currency}
            value={amount}
            onChange={(minor) =>
              put(entries.map(([c, v]) => [c, c === currency ? (minor ?? 0) : v] as [string, number]))
            }
            readOnly={f.readOnly}
          />
          {!f.readOnly && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => put(entries.filter(([c]) => c !== currency))}
              aria-label={t('policy.byCurrency.remove', { currency })}
            >
              <IconX size={16} aria-hidden />
            </Button>
          )}
        </Group>
      ))}
      {!f.readOnly && (
        <Group gap="xs">
          <TextInput
            aria-label={t('policy.byCurrency.code')}
            placeholder="JPY"
            value={adding}
            onChange={(e) => setAdding(e.currentTarget.value)}
            maxLength={3}
            w={90}
          />
          <Button
            variant="light"
            disabled={!canAdd}
            onClick={() => {
              put([...entries, [code, 0]]);
              setAdding('');
            }}
          >
            {t('policy.byCurrency.add')}
          </Button>
        </Group>
      )}
      {f.error && (
        <Text size="xs" c="red">
          {f.error}
        </Text>
      )}
    </Stack>
  );
}

export function SwitchField({ path, label, description }: Base) {
  const f = useField(path);
  return (
    <Switch
      label={label}
      description={description}
      checked={f.value === true}
      onChange={(e) => f.set(e.currentTarget.checked)}
      error={f.error}
      disabled={f.readOnly}
    />
  );
}

export function RadioField({ path, options, ...rest }: Base & { options: Option[] }) {
  const f = useField(path);
  return (
    <Radio.Group {...rest} value={String(f.value ?? '')} onChange={(v) => f.set(v)} error={f.error}>
      <Group gap="lg" mt={6}>
        {options.map((o) => (
          <Radio key={o.value} value={o.value} label={o.label} disabled={f.readOnly} />
        ))}
      </Group>
    </Radio.Group>
  );
}

const strings = (v: Json | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** A few known choices as checkboxes; `optional` removes the setting when none is ticked. */
export function ChecksField({
  path,
  options,
  optional,
  ...rest
}: Base & { options: Option[]; optional?: boolean }) {
  const f = useField(path);
  return (
    <Checkbox.Group
      {...rest}
      value={strings(f.value)}
      onChange={(v) => f.set(optional && v.length === 0 ? undefined : v)}
      error={f.error}
    >
      <Group gap="md" mt={6}>
        {options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={o.label} disabled={f.readOnly} />
        ))}
      </Group>
    </Checkbox.Group>
  );
}

export function MultiField({
  path,
  options,
  optional,
  ...rest
}: Base & { options: Option[]; optional?: boolean; placeholder?: string }) {
  const f = useField(path);
  return (
    <MultiSelect
      {...rest}
      data={options}
      value={strings(f.value)}
      onChange={(v) => f.set(optional && v.length === 0 ? undefined : v)}
      error={f.error}
      searchable
      clearable={!f.readOnly}
      disabled={f.readOnly}
    />
  );
}

/** Free words (categories, tags, segments); `upper` for country codes. */
export function TagsField({
  path,
  optional,
  upper,
  ...rest
}: Base & { optional?: boolean; upper?: boolean; placeholder?: string; data?: string[] }) {
  const f = useField(path);
  const { t } = useTranslation();
  return (
    <TagsInput
      placeholder={f.readOnly ? undefined : t('policy.typeToAdd')}
      {...rest}
      value={strings(f.value)}
      onChange={(v) => {
        const clean = v.map((s) => (upper ? s.trim().toUpperCase() : s.trim())).filter(Boolean);
        f.set(optional && clean.length === 0 ? undefined : clean);
      }}
      error={f.error}
      disabled={f.readOnly}
      clearable={!f.readOnly}
    />
  );
}

/** A rule's yes/no effect: not set (the rule leaves it alone), yes or no. */
export function TriStateField({ path, label }: Base) {
  const { t } = useTranslation();
  const f = useField(path);
  return (
    <NativeSelect
      label={label}
      value={f.value === true ? 'yes' : f.value === false ? 'no' : ''}
      onChange={(e) => {
        const v = e.currentTarget.value;
        f.set(v === 'yes' ? true : v === 'no' ? false : undefined);
      }}
      error={f.error}
      disabled={f.readOnly}
      data={[
        { value: '', label: t('policy.notSet') },
        { value: 'yes', label: t('policy.yes') },
        { value: 'no', label: t('policy.no') },
      ]}
      maw={260}
    />
  );
}
