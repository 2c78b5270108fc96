// A raw message's parts as the inbox reads them: parsed with mailparser (refused with a stable code
// when it cannot be read or has no sender), its sender's address, its own text (the plain part, else
// the HTML part's), and the Message-IDs it answers (In-Reply-To first, then References, newest first).
import type { AddressObject, ParsedMail } from 'mailparser';
import { AppError } from '../../domain/errors.ts';

export function firstAddress(
  a: AddressObject | AddressObject[] | undefined,
): { address: string; name: string } | null {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  for (const o of list)
    for (const v of o.value) if (v.address) return { address: v.address.toLowerCase(), name: v.name ?? '' };
  return null;
}

export async function parseEmail(raw: Buffer): Promise<ParsedMail> {
  if (raw.length === 0) throw new AppError('unreadable_message', 'The message is empty');
  let parsed: ParsedMail;
  try {
    const { simpleParser } = await import('mailparser');
    parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  } catch (err) {
    throw new AppError('unreadable_message', `The message cannot be parsed: ${(err as Error).message}`);
  }
  if (!firstAddress(parsed.from))
    throw new AppError('unreadable_message', 'The message has no sender (From) address', {
      errors: [{ path: 'From', message: 'required' }],
    });
  if (!parsed.text?.trim() && !parsed.html && !(parsed.attachments ?? []).length)
    throw new AppError('unreadable_message', 'The message has neither text nor attachments');
  return parsed;
}

/** The message's own text: the plain part, else the HTML part's text. */
export function textOf(parsed: ParsedMail): string {
  if (parsed.text?.trim()) return parsed.text.trim();
  if (typeof parsed.html === 'string')
    return parsed.html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>|<\/p>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .trim();
  return '';
}

export function headerIds(parsed: ParsedMail): string[] {
  const refs = parsed.references
    ? Array.isArray(parsed.references)
      ? parsed.references
      : [parsed.references]
    : [];
  return [...(parsed.inReplyTo ? [parsed.inReplyTo] : []), ...refs.reverse()]
    .map((r) => r.trim())
    .filter(Boolean);
}
