// Photos and short videos customers or the team attach to a case. The type is decided from the
// bytes (magic numbers), never from the file name or the declared content type, and each kind has
// its own size ceiling.
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Tx } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import type { Actor } from '../auth/actor.ts';
import { insertEvent } from '../returns/returns.queries.ts';
import { caseExists, getEvidence, insertEvidence, listEvidence } from './cases.queries.ts';

const MB = 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, number> = {
  'image/jpeg': 10 * MB,
  'image/png': 10 * MB,
  'image/webp': 10 * MB,
  'image/heic': 10 * MB,
  'image/gif': 10 * MB,
  'video/mp4': 50 * MB,
  'video/quicktime': 50 * MB,
  'video/webm': 50 * MB,
};
export const MAX_EVIDENCE_BYTES = 50 * MB;

export async function sniffEvidence(data: Buffer, filename: string): Promise<string> {
  const type = await fileTypeFromBuffer(data);
  const limit = type ? EVIDENCE_TYPES[type.mime] : undefined;
  if (!type || limit === undefined)
    throw new AppError(
      'unsupported_media',
      `${filename} is not a photo (JPEG, PNG, WebP, HEIC, GIF) or a video (MP4, MOV, WebM)`,
      {
        errors: [{ path: 'file', message: type ? `${type.mime} is not accepted` : 'unknown file type' }],
      },
    );
  if (data.length > limit)
    throw new AppError('payload_too_large', `${filename} is larger than ${limit / MB} MB`, {
      errors: [{ path: 'file', message: `at most ${limit / MB} MB for ${type.mime}` }],
    });
  return type.mime;
}

export async function addEvidence(
  trx: Tx,
  actor: Actor,
  caseId: string,
  file: { filename: string; data: Buffer; line_id: string | null },
): Promise<{ id: string; content_type: string; size: number; sha256: string }> {
  if (!(await caseExists(trx, actor.storeId, caseId))) throw new AppError('not_found', 'Case not found');
  const contentType = await sniffEvidence(file.data, file.filename);
  const row = {
    id: randomUUID(),
    content_type: contentType,
    size: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
  };
  await insertEvidence(trx, {
    store_id: actor.storeId,
    case_id: caseId,
    line_id: file.line_id,
    filename: file.filename.slice(0, 255),
    data: file.data,
    ...row,
  });
  await insertEvent(trx, {
    store_id: actor.storeId,
    case_id: caseId,
    type: 'evidence_added',
    actor: actor.label,
    data: { evidence_id: row.id, content_type: contentType, line_id: file.line_id },
  });
  return row;
}

export async function caseEvidence(trx: Tx, storeId: string, caseId: string) {
  if (!(await caseExists(trx, storeId, caseId))) throw new AppError('not_found', 'Case not found');
  return (await listEvidence(trx, storeId, caseId)).map((e) => ({
    ...e,
    created_at: e.created_at.toISOString(),
  }));
}

export async function evidenceFile(trx: Tx, storeId: string, caseId: string, id: string) {
  const row = await getEvidence(trx, storeId, caseId, id);
  if (!row) throw new AppError('not_found', 'Evidence not found');
  return row;
}

export interface EvidenceUpload {
  lineId: string | null;
  files: { filename: string; data: Buffer }[];
}

/** Reads a multipart upload: an optional `line_id` field and one or more files. */
export async function readEvidenceUpload(request: FastifyRequest): Promise<EvidenceUpload> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media', 'Send the files as multipart/form-data');
  let lineId: string | null = null;
  const files: EvidenceUpload['files'] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file')
        files.push({ filename: part.filename || 'upload', data: await part.toBuffer() });
      else if (part.fieldname === 'line_id') lineId = String(part.value).slice(0, 100) || null;
    }
  } catch (err) {
    // The multipart reader's own refusals (too large, too many files) carry a status; the parser's
    // ("Boundary not found", "Unexpected end of form") do not, and are the client's body, not a bug.
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    const message = err instanceof Error ? err.message : String(err);
    throw new AppError('invalid_request', `The multipart body cannot be read: ${message}`, {
      errors: [{ path: 'body', message }],
    });
  }
  if (files.length === 0)
    throw new AppError('invalid_request', 'No file in the upload', {
      errors: [{ path: 'file', message: 'required' }],
    });
  return { lineId, files };
}

export async function addEvidenceFiles(trx: Tx, actor: Actor, caseId: string, upload: EvidenceUpload) {
  const saved = [];
  for (const f of upload.files)
    saved.push({
      filename: f.filename,
      ...(await addEvidence(trx, actor, caseId, { ...f, line_id: upload.lineId })),
    });
  return saved;
}
