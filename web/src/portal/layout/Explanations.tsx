// The policy's reasons, each in plain words with its source in small print: a statute the customer
// can look up, or the store's own policy (its version and rule, which the store can point to).
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Explanation } from '../api/types.ts';

/** "policy v2" / "policy v2, rule 1" become words; a statute is cited by its title in the customer's
 *  language (`source_label`, from the server), or as written for decisions stored before it existed. */
export function useSourceLabel() {
  const { t } = useTranslation('portal');
  return (source: string, label?: string) => {
    const m = /^policy v(\d+)(?:, rule (\d+))?$/.exec(source);
    if (!m) return t('source.law', { source: label ?? source });
    return m[2] ? t('source.storeRule', { version: m[1], rule: m[2] }) : t('source.store', { version: m[1] });
  };
}

export function Explanations({ items, hide = [] }: { items: Explanation[]; hide?: string[] }) {
  const sourceLabel = useSourceLabel();
  const shown = items.filter((e) => e.message && !hide.includes(e.code));
  if (shown.length === 0) return null;
  return (
    <List size="sm" spacing={6} listStyleType="disc" withPadding>
      {shown.map((e) => (
        <List.Item key={`${e.code}-${e.source}-${e.message}`} data-code={e.code}>
          <Text size="sm" span>
            {e.message}
          </Text>
          <Text size="xs" c="gray.7" component="span" display="block">
            {sourceLabel(e.source, e.source_label)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
