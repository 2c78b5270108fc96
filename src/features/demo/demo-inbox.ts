// The demo's inbox: three customers write in, in their own languages, so a newcomer sees mail
// threaded, recognised and answered with a suggested reply. Taken in through the same path as a
// real message (POST /inbound/email), after the demo store exists.
import type MailComposerType from 'nodemailer/lib/mail-composer/index.js';
import type { Database } from '../../db/connect.ts';
import { DEFAULT_EVIDENCE_LIMITS } from '../../domain/evidence-limits.ts';
import { requireModule } from '../../integrations/lazy.ts';
import type { FileStore } from '../../integrations/storage/file-store.ts';
import { receiveEmail } from '../inbox/inbound-email.ts';
import { classifyMessage } from '../inbox/intent/classify.ts';

const MAILS = [
  {
    from: 'Wang Fang <wang.fang@example.cn>',
    subject: '我的包裹到哪里了？',
    text: '您好，我的订单已经发货一个多星期了，物流信息一直没有更新。请问包裹现在到哪里了？什么时候能送到？谢谢！\n王芳',
  },
  {
    from: 'Anna Schmidt <anna.schmidt@example.de>',
    subject: 'Erstattung',
    text: 'Guten Tag,\n\nich habe meine Rücksendung vor zwei Wochen abgeschickt. Wann bekomme ich mein Geld zurück?\n\nViele Grüße\nAnna Schmidt',
  },
  {
    from: 'João Silva <joao.silva@example.com.br>',
    subject: 'Péssimo atendimento',
    text: 'Estou muito insatisfeito. Já mandei três mensagens e ninguém me respondeu. Se não resolverem vou reclamar no Reclame Aqui.',
  },
];

// the demo's mail has no attachments: nothing is ever written
const noFiles: FileStore = {
  write: () => Promise.reject(new Error('the demo mail has no attachments')),
  read: () => {
    throw new Error('the demo mail has no attachments');
  },
  remove: async () => {},
};

export async function seedDemoInbox(database: Database, storeId: string): Promise<void> {
  for (const [i, m] of MAILS.entries()) {
    const MailComposer = requireModule('nodemailer/lib/mail-composer/index.js') as typeof MailComposerType;
    const raw = await new MailComposer({
      ...m,
      to: 'support@aurora-outfitters.example',
      messageId: `<demo-${i}@mail.example>`,
    })
      .compile()
      .build();
    await receiveEmail(
      database,
      { files: noFiles, limits: DEFAULT_EVIDENCE_LIMITS, classify: classifyMessage },
      { storeId, role: 'agent', label: 'system:demo' },
      raw,
    );
  }
}
