/**
 * Prints a reply on the terminal; a `file` reply is saved in the working directory (never over an
 * existing file) and its path printed. Returns the exit status the reply stands for.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Reply } from '../../commands/reply.js';
import { renderText } from '../render-text.js';

export interface Terminal {
  out(text: string): void;
  err(text: string): void;
}

/** A name VSPC or a user cannot use to leave the directory, and a free one. */
function freePath(dir: string, filename: string): string {
  const safe = basename(filename).replace(/[^\w.-]/g, '_') || 'download';
  const dot = safe.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  let path = join(dir, safe);
  for (let n = 1; existsSync(path); n++) path = join(dir, `${stem}-${n}${ext}`);
  return path;
}

export function exitStatusOf(reply: Reply): number {
  if (reply.type === 'usageError') return 2;
  return reply.type === 'error' ? 1 : 0;
}

export function writeReply(reply: Reply, options: { timeZone: string; cwd: string; terminal: Terminal }): number {
  const { terminal } = options;
  if (reply.type === 'file') {
    const path = freePath(options.cwd, reply.filename);
    writeFileSync(path, reply.bytes);
    terminal.out(`${renderText(reply, options)}\nSaved to ${path}`);
    return 0;
  }
  const text = renderText(reply, options);
  if (reply.type === 'error' || reply.type === 'usageError') terminal.err(text);
  else terminal.out(text);
  return exitStatusOf(reply);
}
