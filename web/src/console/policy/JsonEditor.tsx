import { JsonInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Json } from './draft.ts';
import { ErrorList } from './ErrorList.tsx';
import { usePolicyForm } from './form-context.ts';

/** The whole document as JSON, for settings in bulk or pasting a policy from another store. */
export function JsonEditor() {
  const { t } = useTranslation();
  const form = usePolicyForm();
  // Mounted afresh each time the tab opens, so it starts from the form's latest state.
  const [text, setText] = useState(() => JSON.stringify(form.draft, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  const change = (next: string) => {
    setText(next);
    try {
      const parsed = JSON.parse(next) as Json;
      // The form can only show a document: a bare list or number stays in the box as an error.
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        setSyntax(t('policy.json.notObject'));
        return;
      }
      setSyntax(null);
      form.set([], parsed);
    } catch (err) {
      // Half-typed JSON stays in the box; the form keeps the last document that parsed.
      setSyntax(t('policy.json.syntax', { message: err instanceof Error ? err.message : String(err) }));
    }
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('policy.json.hint')}
      </Text>
      <JsonInput
        label={t('policy.json.label')}
        value={text}
        onChange={change}
        autosize
        minRows={16}
        maxRows={40}
        readOnly={form.readOnly}
        error={syntax ?? undefined}
        spellCheck={false}
        styles={{
          input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 },
        }}
      />
      <ErrorList errors={form.errors} currency={form.currency} />
    </Stack>
  );
}
