// A customer's photo for the evidence gallery, drawn by the browser itself (no binary fixture in
// the repository) and uploaded the way the portal will: multipart to /api/v1/cases/{id}/evidence.
import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from './server.ts';

const EARBUD_PHOTO = `
<body style="margin:0">
  <svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
    <rect width="480" height="360" fill="#e9ecef"/>
    <rect x="120" y="90" width="240" height="180" rx="60" fill="#f8f9fa" stroke="#adb5bd" stroke-width="4"/>
    <circle cx="200" cy="180" r="38" fill="#343a40"/><circle cx="280" cy="180" r="38" fill="#343a40"/>
    <path d="M262 150 l36 60" stroke="#fa5252" stroke-width="6"/>
    <text x="240" y="320" font-family="sans-serif" font-size="22" text-anchor="middle" fill="#495057">left earbud: no sound</text>
  </svg>
</body>`;

export async function uploadPhoto(context: BrowserContext, server: RunningServer, caseId: string) {
  const page = await context.newPage();
  await page.setViewportSize({ width: 480, height: 360 });
  await page.setContent(EARBUD_PHOTO);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'earbuds.png');
  const res = await fetch(`${server.url}/api/v1/cases/${caseId}/evidence`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.ownerToken}` },
    body: form,
  });
  if (res.status !== 201) throw new Error(`evidence upload: ${res.status} ${await res.text()}`);
}
