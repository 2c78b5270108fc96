import { Alert, Button, Group, Paper, TextInput } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/transport.ts';
import type { Page, ReturnView } from '../../api/types.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

/** The receiving desk: a barcode scanner types the RMA and presses Enter, so a form submit is a scan. */
export function ScanBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [rma, setRma] = useState('');
  const find = useMutation({
    mutationFn: (wanted: string) =>
      api.get<Page<ReturnView>>(`/api/v1/returns?rma=${encodeURIComponent(wanted)}`),
    onSuccess: (found) => {
      const hit = found.data[0];
      // The RMA travels along so the receipt form can confirm the parcel matches.
      if (hit) navigate(`/console/returns/${hit.id}?scanned=${encodeURIComponent(hit.rma)}`);
    },
  });
  const missing = find.isSuccess && find.data.data.length === 0 ? find.variables : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = rma.trim().toUpperCase();
    if (wanted) find.mutate(wanted);
  };
  return (
    <Paper p="md">
      <form onSubmit={submit}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('scan.label')}
            placeholder={t('scan.placeholder')}
            leftSection={<IconBarcode size={18} aria-hidden />}
            value={rma}
            onChange={(e) => {
              setRma(e.currentTarget.value);
              find.reset();
            }}
            classNames={{ input: 'rma' }}
            style={{ flex: 1, minWidth: 220 }}
            // At the receiving desk the scanner is the keyboard: it must land here without a click.
            autoFocus
          />
          <Button type="submit" loading={find.isPending}>
            {t('scan.submit')}
          </Button>
        </Group>
      </form>
      {missing && (
        <Alert color="orange" mt="sm" role="alert">
          {t('scan.notFound', { rma: missing })}
        </Alert>
      )}
      {find.isError && <ProblemAlert error={find.error} mt="sm" />}
    </Paper>
  );
}
