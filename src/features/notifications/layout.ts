// The one layout every message is sent in: MJML turns it into the table-based, inlined HTML that
// renders in common mail clients (Outlook included) and stacks on a phone. The plain-text part says
// the same words, with the link written out.

export interface LayoutInput {
  storeName: string;
  brandColor: string | null;
  logoUrl: string | null;
  language: string;
  subject: string;
  /** the whole text: paragraphs separated by blank lines */
  body: string;
  action: { label: string; url: string } | null;
  /** small print under the message: how to answer, how to unsubscribe */
  footer: string[];
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const safeColor = (c: string | null) => (c && /^#[0-9a-fA-F]{6}$/.test(c) ? c : '#1c7ed6');

export async function renderEmail(m: LayoutInput): Promise<{ html: string; text: string }> {
  const color = safeColor(m.brandColor);
  const paragraphs = m.body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        `<mj-text font-size="15px" line-height="22px" color="#1f2933">${escapeHtml(p).replace(/\n/g, '<br />')}</mj-text>`,
    )
    .join('\n');
  const header = m.logoUrl?.startsWith('https://')
    ? `<mj-image src="${escapeHtml(m.logoUrl)}" alt="${escapeHtml(m.storeName)}" width="140px" align="left" padding="0" />`
    : `<mj-text font-size="18px" font-weight="700" color="${color}" padding="0">${escapeHtml(m.storeName)}</mj-text>`;
  const button = m.action
    ? `<mj-button background-color="${color}" color="#ffffff" font-size="15px" border-radius="6px" href="${escapeHtml(m.action.url)}" align="left">${escapeHtml(m.action.label)}</mj-button>`
    : '';
  const footer = m.footer
    .map((f) => `<mj-text font-size="12px" line-height="18px" color="#6b7785">${escapeHtml(f)}</mj-text>`)
    .join('\n');
  const source = `<mjml lang="${escapeHtml(m.language)}">
  <mj-head>
    <mj-title>${escapeHtml(m.subject)}</mj-title>
    <mj-attributes><mj-all font-family="-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, 'PingFang SC', 'Hiragino Sans', 'Microsoft YaHei', sans-serif" /></mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f6f8" width="600px">
    <mj-section padding="24px 16px 8px"><mj-column>${header}</mj-column></mj-section>
    <mj-section background-color="#ffffff" border-radius="8px" padding="16px 8px">
      <mj-column>
${paragraphs}
${button}
      </mj-column>
    </mj-section>
    <mj-section padding="8px 16px 24px"><mj-column>${footer}</mj-column></mj-section>
  </mj-body>
</mjml>`;
  // loaded on the first mail, not at start (MJML is the heaviest module the server has)
  const { default: mjml2html } = await import('mjml');
  const out = await mjml2html(source, { validationLevel: 'strict', minify: false });
  if (out.errors.length)
    throw new Error(`mail layout: ${out.errors.map((e) => e.formattedMessage).join('; ')}`);
  const text = [m.body, m.action ? `${m.action.label}: ${m.action.url}` : '', ...m.footer]
    .filter(Boolean)
    .join('\n\n');
  return { html: out.html, text };
}
