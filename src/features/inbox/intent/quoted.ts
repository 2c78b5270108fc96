// Quoted replies and signatures: what of a message is the customer's own words.
const REPLY_HEADER = [
  /^\s*on\b.{0,200}\bwrote:?\s*$/i, // On Mon, 3 Dec 2026, Shop <x@y> wrote:
  /^\s*am\b.{0,200}\bschrieb.{0,80}:?\s*$/i, // Am 03.12.2026 um 10:00 schrieb ...:
  /^\s*le\b.{0,200}\ba écrit\s*:?\s*$/i, // Le 3 déc. 2026 à 10:00, ... a écrit :
  /^\s*el\b.{0,200}\bescribió:?\s*$/i,
  /^\s*em\b.{0,200}\bescreveu:?\s*$/i,
  /^\s*.{0,200}\b(пишет|написал|написала|написал\(а\)):?\s*$/i,
  /^\s*(在|於).{0,200}(写道|寫道)[:：]?\s*$/,
  /^\s*.{0,200}(のメッセージ|が書きました|さんは書きました)[:：]?\s*$/,
  /^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|mensagem original|исходное сообщение|原始邮件|原始郵件)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule above the quoted header block
  /^\s*(from|von|de|от|发件人|寄件者|差出人)\s*[:：]\s*.+@.+$/i,
];

const SIGNATURE_START = [
  /^--\s*$/, // the standard delimiter "-- "
  /^\s*(sent from my|get outlook for|von meinem .* gesendet|envoyé de mon|enviado desde mi|enviado do meu|отправлено с|发自我的|從我的|iphoneから送信)/i,
];

// A closing line on its own ("Best regards," then a name) near the end starts the signature.
const CLOSING =
  /^\s*(best|kind|warm|many thanks and)?\s*(regards|wishes|cheers|thanks|thank you|thx|sincerely|yours( truly| sincerely)?|best|mit freundlichen grüßen|freundliche grüße|viele grüße|liebe grüße|beste grüße|lg|mfg|gruß|danke|cordialement|bien à vous|bien cordialement|salutations|merci( beaucoup)?|atenciosamente|att\.?|abraços?|obrigad[oa]|saludos( cordiales)?|un saludo|atentamente|gracias|с уважением|спасибо|всего доброго|謝謝|谢谢|此致|敬礼|祝好|よろしくお願いします|よろしくお願いいたします)\s*[,.!:]?\s*$/i;

/**
 * The customer's own words: drops quoted lines ('>'), everything after a reply header ("On ... wrote:",
 * "Am ... schrieb", "-----Original Message-----", ...) and the signature (after "-- ", "Sent from my
 * iPhone", or a bare closing line such as "Best regards," in the last lines).
 */
export function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (REPLY_HEADER.some((re) => re.test(line))) break;
    if (SIGNATURE_START.some((re) => re.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  // A closing line within the last four non-empty lines cuts the rest (name, phone, shop).
  const nonEmpty = kept.map((l, i) => ({ l, i })).filter((x) => x.l.trim() !== '');
  for (const { l, i } of nonEmpty.slice(-4)) {
    if (CLOSING.test(l) && nonEmpty.some((x) => x.i < i)) {
      kept.length = i;
      break;
    }
  }
  return kept.join('\n').trim();
}
