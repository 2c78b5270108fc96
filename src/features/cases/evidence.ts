// Photos and short videos customers or the team attach to a case. Uploads stream to the file store
// (never whole into memory, never into the database, so one large upload holds up no one else);
// the type is decided from the bytes (magic numbers), never from the file name or declared type;
// each kind has its own size ceiling, and each case and customer a quota (domain/evidence-limits.ts).
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../../db/connect.ts';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { type EvidenceLimits, megabytes, roomFor, typeLimit } from '../../domain/evidence-limits.ts';
import { type FileStore, FileTooLargeError, type StoredFile } from '../../integrations/storage/file-store.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { caseExists, evidenceBytesUsed, getEvidence, insertEvidence, listEvidence } from './cases.queries.ts';

export interface EvidenceDeps {
  files: FileStore;
  limits: EvidenceLimits;
}

export interface Received extends StoredFile {
  filename: string;
  content_type: string;
}

const tooLarge = (message: string) =>
  new AppError('payload_too_large', message, { errors: [{ path: 'file', message }] });

export async function recognise(
  stored: StoredFile,
  filename: string,
  limits: EvidenceLimits,
): Promise<string> {
  const type = await fileTypeFromBuffer(stored.head);
  const limit = type ? typeLimit(type.mime, limits) : undefined;
  if (!type || limit === undefined)
    throw new AppError(
      'unsupported_media',
      `${filename} is not a photo (JPEG, PNG, WebP, HEIC, GIF) or a video (MP4, MOV, WebM)`,
      {
        errors: [{ path: 'file', message: type ? `${type.mime} is not accepted` : 'unknown file type' }],
      },
    );
  if (stored.size > limit) throw tooLarge(`${filename} is larger than ${megabytes(limit)} (${type.mime})`);
  return type.mime;
}

/**
 * Streams a multipart upload (an optional `line_id` field, then one or more files) into the file
 * store and records it on the case in one transaction. Whatever goes wrong, no file stays behind.
 */
export async function receiveEvidence(
  database: Database,
  deps: EvidenceDeps,
  request: FastifyRequest,
  actor: Actor,
  caseId: string,
) {
  if (!request.isMultipart())
    throw new AppError('unsupported_media', 'Send the files as multipart/form-data');
  const db = database.db;
  if (!(await caseExists(db, actor.storeId, caseId))) throw new AppError('not_found', 'Case not found');
  const used = await evidenceBytesUsed(db, actor.storeId, caseId);
  let lineId: string | null = null;
  const received: Received[] = [];
  const written = () => received.reduce((s, f) => s + f.size, 0);
  try {
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file') {
          if (part.fieldname === 'line_id') lineId = String(part.value).slice(0, 100) || null;
          continue;
        }
        const filename = part.filename || 'upload';
        const room = roomFor(deps.limits, {
          case: used.case + written(),
          customer: used.customer + written(),
        });
        if (room === 0) throw tooLarge(quotaMessage(deps.limits));
        const stored = await deps.files.write(part.file, room).catch((err: unknown) => {
          if (!(err instanceof FileTooLargeError)) throw err;
          const typeCeiling = Math.max(deps.limits.photoBytes, deps.limits.videoBytes);
          throw tooLarge(
            room < typeCeiling ? quotaMessage(deps.limits) : `${filename} is larger than ${megabytes(room)}`,
          );
        });
        received.push({ ...stored, filename, content_type: '' });
        const last = received[received.length - 1] as Received;
        last.content_type = await recognise(stored, filename, deps.limits);
      }
    } catch (err) {
      // The multipart reader's own refusals (too many files, a part over its ceiling) carry a
      // status; the parser's ("Boundary not found", "Unexpected end of form") are the client's body.
      if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
      const message = err instanceof Error ? err.message : String(err);
      throw new AppError('invalid_request', `The multipart body cannot be read: ${message}`, {
        errors: [{ path: 'body', message }],
      });
    }
    if (received.length === 0)
      throw new AppError('invalid_request', 'No file in the upload', {
        errors: [{ path: 'file', message: 'required' }],
      });
    return await db
      .transaction()
      .execute((trx) => recordEvidence(trx, deps.limits, actor, caseId, lineId, received));
  } catch (err) {
    await Promise.all(received.map((f) => deps.files.remove(f.key)));
    throw err;
  }
}

const quotaMessage = (limits: EvidenceLimits) =>
  `No room left: a case holds at most ${megabytes(limits.perCaseBytes)} of files, a customer ${megabytes(limits.perCustomerBytes)}`;

export async function recordEvidence(
  trx: Tx,
  limits: EvidenceLimits,
  actor: Actor,
  caseId: string,
  lineId: string | null,
  files: Received[],
) {
  // Counted again under the case's row lock: two uploads at once cannot both take the last room.
  const used = await evidenceBytesUsed(trx, actor.storeId, caseId, { lock: true });
  const adding = files.reduce((s, f) => s + f.size, 0);
  if (used.case + adding > limits.perCaseBytes || used.customer + adding > limits.perCustomerBytes)
    throw tooLarge(quotaMessage(limits));
  const saved = [];
  for (const f of files) {
    const row = { id: randomUUID(), content_type: f.content_type, size: f.size, sha256: f.sha256 };
    await insertEvidence(trx, {
      store_id: actor.storeId,
      case_id: caseId,
      line_id: lineId,
      filename: f.filename.slice(0, 255),
      storage_key: f.key,
      data: null,
      ...row,
    });
    await insertEvent(trx, {
      store_id: actor.storeId,
      case_id: caseId,
      type: 'evidence_added',
      actor: actor.label,
      data: { evidence_id: row.id, content_type: f.content_type, line_id: lineId },
    });
    saved.push({ filename: f.filename, ...row });
  }
  return saved;
}

export async function caseEvidence(trx: Tx, storeId: string, caseId: string) {
  if (!(await caseExists(trx, storeId, caseId))) throw new AppError('not_found', 'Case not found');
  return (await listEvidence(trx, storeId, caseId)).map((e) => ({
    ...e,
    created_at: e.created_at.toISOString(),
  }));
}

/** One file's bytes: a stream from the file store, or the bytes a row written before it kept. */
export async function evidenceFile(trx: Tx, files: FileStore, storeId: string, caseId: string, id: string) {
  const row = await getEvidence(trx, storeId, caseId, id);
  if (!row) throw new AppError('not_found', 'Evidence not found');
  const body = row.storage_key ? files.read(row.storage_key) : row.data;
  if (!body) throw new AppError('not_found', 'Evidence not found');
  return { filename: row.filename, content_type: row.content_type, size: row.size, body };
}
