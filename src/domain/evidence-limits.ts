// How much a case may carry: a size per kind of file (a phone's video needs far more than a photo),
// and quotas per case and per customer, so no one can fill the store's disk through the portal.

const MB = 1024 * 1024;

export interface EvidenceLimits {
  photoBytes: number;
  videoBytes: number;
  perCaseBytes: number;
  perCustomerBytes: number;
  filesPerRequest: number;
}

export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  photoBytes: 10 * MB,
  videoBytes: 100 * MB,
  perCaseBytes: 200 * MB,
  perCustomerBytes: 500 * MB,
  filesPerRequest: 10,
};

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/gif'] as const;
export const VIDEO_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;

/** The ceiling for one file of this type, or undefined when the type is not accepted. */
export function typeLimit(mime: string, limits: EvidenceLimits): number | undefined {
  if ((PHOTO_TYPES as readonly string[]).includes(mime)) return limits.photoBytes;
  if ((VIDEO_TYPES as readonly string[]).includes(mime)) return limits.videoBytes;
  return undefined;
}

/** The most the next file may be: its largest type's ceiling, within what the quotas leave. */
export function roomFor(limits: EvidenceLimits, used: { case: number; customer: number }): number {
  return Math.max(
    0,
    Math.min(
      Math.max(limits.photoBytes, limits.videoBytes),
      limits.perCaseBytes - used.case,
      limits.perCustomerBytes - used.customer,
    ),
  );
}

export const megabytes = (bytes: number) => `${Math.round((bytes / MB) * 10) / 10} MB`;
