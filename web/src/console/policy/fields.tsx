// Inputs bound to one path of the policy draft. Each shows the error for its path (from the live
// schema check or the server) and is read-only for roles that may not change the policy.
import { minorUnitDigits } from '@domain/money.ts';
import {
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  Switch,
  TagsInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
    currency: form.currency,
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

/** Minor units in the draft, the store's money on screen (JPY has no decimals, KWD three). */
export function MoneyField({ path, optional, ...rest }: Base & { optional?: boolean }) {
  const f = useField(path);
  const digits = minorUnitDigits(f.currency);
  const scale = 10 ** digits;
  return (
    <NumberInput
      {...rest}
      value={typeof f.value === 'number' ? f.value / scale : ''}
      onChange={(v) => f.set(typeof v === 'number' ? Math.round(v * scale) : optional ? undefined : null)}
      error={f.error}
      min={0}
      decimalScale={digits}
      fixedDecimalScale
      leftSection={<span aria-hidden>{f.currency}</span>}
      leftSectionWidth={48}
      readOnly={f.readOnly}
      hideControls
      maw={260}
    />
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
