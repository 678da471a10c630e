import type { ErrorCode, ErrorParams } from '../contract';

/** An error meant for a person: a code from the contract's catalogue plus its parameters. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    options?: { cause?: unknown },
  ) {
    super(`${code} ${JSON.stringify(params)}`, options);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', { what });
