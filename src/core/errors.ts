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
  constructor(field: string, message: string) {
    super(`${field}: ${message}`, 409, field);
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
