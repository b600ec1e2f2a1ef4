/**
 * One JSON line per event on stderr. Messages pass through `redact`, so a connection string or
 * token that ends up in an error message does not end up in the logs.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(\w+:\/\/[^:/\s]*:)[^@\s]+@/g, '$1***@'], // passwords in URLs
  // `password=x`, `token: x`, `"api_key":"x"`: a key, then `=` or `:`, then the value.
  [/(password|secret|token|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s"',}]+/gi, '$1$2***'],
];

export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

function write(
  level: 'info' | 'error',
  message: string,
  fields: Record<string, unknown> = {},
): void {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    message: redact(message),
    ...fields,
  });
  process.stderr.write(`${redact(line)}\n`);
}

export const consoleLogger: Logger = {
  info: (message, fields) => write('info', message, fields),
  error: (message, fields) => write('error', message, fields),
};

/** For tests that check what would have been logged. */
export function memoryLogger(): Logger & {
  lines: { level: string; message: string; fields?: Record<string, unknown> }[];
} {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, fields) =>
      lines.push({ level: 'info', message: redact(message), ...(fields && { fields }) }),
    error: (message, fields) =>
      lines.push({ level: 'error', message: redact(message), ...(fields && { fields }) }),
  };
}
