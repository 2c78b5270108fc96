// The console's one money input. It keeps what the person typed as text and commits integer minor
// units only when the text is an amount, so Backspace in "5.95" leaves "5.9", clearing and typing
// "6" gives 6.00, and a half-typed value never becomes null in the document behind it.
import { minorUnitDigits } from '@domain/money.ts';
import { TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoneyText, parseMoneyText } from './money-text.ts';

export interface MoneyInputProps {
  label?: ReactNode;
  description?: ReactNode;
  currency: string;
  /** minor units; null or undefined: empty */
  value: number | null | undefined;
  /** minor units, or null when the box was emptied */
  onChange: (minor: number | null) => void;
  error?: ReactNode;
  readOnly?: boolean;
  required?: boolean;
  maw?: number;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function MoneyInput({ currency, value, onChange, error, maw = 260, ...rest }: MoneyInputProps) {
  const { t } = useTranslation();
  const digits = minorUnitDigits(currency);
  const [text, setText] = useState(() => formatMoneyText(value, digits));
  const [local, setLocal] = useState<string | null>(null);
  const committed = useRef<number | null | undefined>(value);
  // a value changed from outside (another editor, a reset) replaces the text; our own commits do not
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(formatMoneyText(value, digits));
      setLocal(null);
    }
  }, [value, digits]);
  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      maw={maw}
      leftSection={<span aria-hidden>{currency}</span>}
      leftSectionWidth={48}
      error={local ?? error}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const parsed = parseMoneyText(next, digits);
        if (!parsed.ok) {
          setLocal(
            parsed.reason === 'decimals'
              ? t('money.tooManyDecimals', { count: digits, currency })
              : t('money.notAnAmount', {
                  example: formatMoneyText(595 * 10 ** Math.max(0, digits - 2), digits),
                }),
          );
          return;
        }
        setLocal(null);
        committed.current = parsed.minor;
        onChange(parsed.minor);
      }}
      onBlur={() => {
        const parsed = parseMoneyText(text, digits);
        if (parsed.ok) setText(formatMoneyText(parsed.minor, digits));
      }}
    />
  );
}
