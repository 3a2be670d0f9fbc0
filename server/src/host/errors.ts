/** Errors of the host's I/O, each one line fit to print as it is. */

/** A file or folder that cannot be read or written. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** A one-line reason for a failed file operation, without Node's `ENOENT: …, open '…'` noise. */
export function ioReason(err: unknown): string {
  const e = err as { code?: string; message?: string } | undefined;
  if (e?.code && REASONS[e.code]) return REASONS[e.code]!;
  const message = e?.message ?? String(err);
  return message.split('\n')[0]!;
}
