// Who acted, in the console's words: staff by name and role, API tokens by name, the customer, and
// what a system rule was. Falls back to the recorded label for rows from before it was described.
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/types.ts';

export function useActorName() {
  const { t } = useTranslation();
  return (raw: string | null, view: TimelineEvent['actor_view']): string => {
    if (!view) return raw ?? '';
    if (view.kind === 'user')
      return view.role
        ? t('timeline.actor.user', { name: view.name, role: t(`roles.${view.role}`) })
        : view.name;
    if (view.kind === 'token') return t('timeline.actor.token', { name: view.name });
    if (view.kind === 'customer') return t('timeline.actor.customer', { email: view.email });
    return t(`timeline.actor.system.${view.rule}`, {
      defaultValue: t('timeline.actor.system.other', { rule: view.rule }),
    });
  };
}
