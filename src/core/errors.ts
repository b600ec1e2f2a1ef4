/**
 * Errors that core operations raise on purpose. Each carries the HTTP status the faces should
 * answer with, and a message written for the person who sent the input.
 */
export class GalleyError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
    /** The input field at fault, e.g. `slug` or `body.content[2] (heading)`. */
    readonly field?: string,
    /** Facts the caller can act on, e.g. `{ currentVersion: 4 }` for a stale edit. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends GalleyError {
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, 422, field);
  }
}

export class ConflictError extends GalleyError {
  constructor(field: string, message: string, details?: Record<string, unknown>) {
    super(`${field}: ${message}`, 409, field, details);
  }
}

export class NotFoundError extends GalleyError {
  constructor(message: string) {
    super(message, 404);
  }
}

export class ForbiddenError extends GalleyError {
  constructor(message: string) {
    super(message, 403);
  }
}

export class GoneError extends GalleyError {
  constructor(message: string) {
    super(message, 410);
  }
}
