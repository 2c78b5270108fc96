// An item's picture from the store's catalogue, or a neutral placeholder when it has none (or the
// picture does not load). Beside the item's name, so it is decoration to a screen reader.
import { Box } from '@mantine/core';
import { IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';

export function ItemImage({ url, size = 64 }: { url: string | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const frame = {
    width: size,
    height: size,
    flex: `0 0 ${size}px`,
    borderRadius: 8,
    overflow: 'hidden',
    background: 'var(--mantine-color-gray-1)',
    border: '1px solid var(--mantine-color-gray-3)',
  } as const;
  if (!url || failed)
    return (
      <Box style={{ ...frame, display: 'grid', placeItems: 'center' }} data-testid="item-image-placeholder">
        <IconPhoto size={size / 2.5} color="var(--mantine-color-gray-6)" aria-hidden />
      </Box>
    );
  return (
    <Box style={frame}>
      <img
        src={url}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
        style={{ objectFit: 'cover', display: 'block', width: '100%', height: '100%' }}
        data-testid="item-image"
      />
    </Box>
  );
}
