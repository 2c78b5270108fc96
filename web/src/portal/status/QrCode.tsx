// A QR code drawn in the browser (bwip-js, the library the label PDF uses), loaded only when a page
// shows one, so the portal's first page stays light.
import { Skeleton } from '@mantine/core';
import { useEffect, useState } from 'react';

export function QrCode({ value, label, size = 176 }: { value: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // qrcode() rather than toSVG(): only the QR encoder is bundled, not every symbology's.
    void import('bwip-js/browser').then(({ qrcode, drawingSVG }) => {
      const opts = { bcid: 'qrcode', text: value, eclevel: 'L', scale: 3, paddingwidth: 2, paddingheight: 2 };
      if (live) setSvg(qrcode(opts, drawingSVG()));
    });
    return () => {
      live = false;
    };
  }, [value]);
  if (!svg) return <Skeleton w={size} h={size} />;
  return (
    <img
      src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`}
      alt={label}
      width={size}
      height={size}
      style={{ imageRendering: 'pixelated', background: 'white' }}
      data-testid="qr-code"
    />
  );
}
