import { Box, Grid, Stack, Tabs } from '@mantine/core';
import { IconBraces, IconForms, IconHistory } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSavePolicy } from '../../api/policy.ts';
import { ApiError } from '../../api/transport.ts';
import type { PolicyDocument, PolicyVersion } from '../../api/types.ts';
import { ApprovalSections } from './ApprovalSections.tsx';
import { CaseSections } from './CaseSections.tsx';
import { ConflictDialog, useConflictCheck } from './ConflictDialog.tsx';
import {
  diff,
  type FieldErrors,
  getIn,
  type Json,
  type JsonObject,
  type Path,
  pathKey,
  serverFieldErrors,
  setIn,
  validate,
} from './draft.ts';
import { type PolicyForm, PolicyFormContext } from './form-context.ts';
import { JsonEditor } from './JsonEditor.tsx';
import { LeaveGuard } from './LeaveGuard.tsx';
import { OfferSections } from './OfferSections.tsx';
import { PreviewPanel } from './PreviewPanel.tsx';
import { ReturnWindowSections } from './ReturnWindowSections.tsx';
import { RulesSection } from './RulesSection.tsx';
import { SaveBar } from './SaveBar.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

interface Props {
  base: PolicyVersion;
  readOnly: boolean;
  currency: string;
  onSaved: (version: number) => void;
}

const asJson = (doc: PolicyDocument) => doc as unknown as JsonObject;

/** Errors the server named stay until their field is edited; the live check covers the rest. */
function withoutUnder(errors: FieldErrors, path: Path): FieldErrors {
  const key = pathKey(path);
  return new Map([...errors].filter(([k]) => key !== '' && k !== key && !k.startsWith(`${key}.`)));
}

/** A rule's order value with neither end set is no condition at all: drop it rather than keep `{}`. */
function withoutEmptyRange(doc: Json, path: Path): Json {
  const parent = path.slice(0, -1);
  if (parent.at(-1) !== 'order_value') return doc;
  const range = getIn(doc, parent);
  const empty = range !== null && typeof range === 'object' && Object.keys(range).length === 0;
  return empty ? setIn(doc, parent, undefined) : doc;
}

export function PolicyEditor({ base, readOnly, currency, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<JsonObject>(() => asJson(base.document));
  const [server, setServer] = useState<FieldErrors>(() => new Map());
  const [tab, setTab] = useState<string | null>('form');
  const save = useSavePolicy();
  const conflict = useConflictCheck(base.version);

  const local = useMemo(() => validate(draft, i18n.language), [draft, i18n.language]);
  const errors = useMemo(() => new Map([...server, ...local]), [server, local]);
  const changes = useMemo(() => diff(asJson(base.document), draft), [base.document, draft]);

  const set = useCallback((path: Path, value: Json | undefined) => {
    setDraft((d) => withoutEmptyRange(setIn(d, path, value), path) as JsonObject);
    setServer((s) => withoutUnder(s, path));
  }, []);
  const form: PolicyForm = { draft, set, errors, readOnly, currency };

  const refused = (err: unknown) => {
    if (err instanceof ApiError && err.problem.status === 400) setServer(serverFieldErrors(err.problem));
  };
  const send = (on: number) =>
    save.mutate(
      { document: draft as unknown as PolicyDocument, base: on },
      {
        onSuccess: (r) => onSaved(r.version),
        onError: refused,
      },
    );
  const load = (version: PolicyVersion) => {
    setDraft(asJson(version.document));
    setServer(new Map());
    setTab('form');
  };

  return (
    <PolicyFormContext.Provider value={form}>
      <Grid gap="md" align="flex-start">
        {/* The versions need the width; the preview is about the draft, which they do not change. */}
        <Grid.Col span={{ base: 12, lg: tab === 'versions' ? 12 : 7 }}>
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="form" leftSection={<IconForms size={16} aria-hidden />}>
                {t('policy.tabs.form')}
              </Tabs.Tab>
              <Tabs.Tab value="json" leftSection={<IconBraces size={16} aria-hidden />}>
                {t('policy.tabs.json')}
              </Tabs.Tab>
              <Tabs.Tab value="versions" leftSection={<IconHistory size={16} aria-hidden />}>
                {t('policy.tabs.versions')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="form" pt="md">
              <Stack gap="md">
                <ReturnWindowSections />
                <OfferSections />
                <ApprovalSections />
                <CaseSections />
                <RulesSection />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="json" pt="md">
              <JsonEditor />
            </Tabs.Panel>
            <Tabs.Panel value="versions" pt="md">
              <VersionsPanel currency={currency} onLoad={readOnly ? undefined : load} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} display={tab === 'versions' ? 'none' : undefined}>
          {/* Beside the form on a wide screen, in view while the owner scrolls through the settings. */}
          <Box
            pos={{ lg: 'sticky' }}
            top={76}
            mah={{ lg: 'calc(100vh - 160px)' }}
            style={{ overflowY: 'auto' }}
          >
            <PreviewPanel
              draft={draft}
              saved={base.document}
              invalid={local.size > 0}
              readOnly={readOnly}
              onRefused={refused}
            />
          </Box>
        </Grid.Col>
      </Grid>
      {/* In view only once there is something to save (or a refusal to read). */}
      {!readOnly && (changes.length > 0 || save.isPending || save.isError) && (
        <SaveBar
          changes={changes}
          errors={errors}
          nextVersion={base.version + 1}
          currency={currency}
          saving={save.isPending || conflict.checking}
          error={save.error instanceof ApiError && save.error.problem.status === 400 ? null : save.error}
          onSave={() => conflict.check(() => send(base.version))}
          onDiscard={() => load(base)}
        />
      )}
      <ConflictDialog state={conflict} onConfirm={send} />
      <LeaveGuard changes={save.isPending ? 0 : changes.length} />
    </PolicyFormContext.Provider>
  );
}
