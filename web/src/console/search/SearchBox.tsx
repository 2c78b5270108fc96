import { Box, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

/** Wide in the header on a laptop; on a phone it moves into the navigation drawer. */
export function SearchBox({ place }: { place: 'header' | 'drawer' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [value, setValue] = useState(params.get('q') ?? '');
  useEffect(() => setValue(params.get('q') ?? ''), [params]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (q) navigate(`/console/search?q=${encodeURIComponent(q)}`);
  };
  const header = place === 'header';
  return (
    <Box
      component="search"
      visibleFrom={header ? 'sm' : undefined}
      hiddenFrom={header ? undefined : 'sm'}
      style={header ? { flex: 1, maxWidth: 420 } : undefined}
      mb={header ? 0 : 'sm'}
    >
      <form onSubmit={submit}>
        <TextInput
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
      </form>
    </Box>
  );
}
