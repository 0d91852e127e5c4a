/**
 * Publishes the pipeline's outputs all or nothing. Every file is first written to a temp file in
 * its own destination folder (so the final rename never crosses a file system); then, in a fixed
 * order, each old file is moved aside to a backup and its new one renamed into place, and stale
 * files are moved aside too. If any step fails, every step already taken is undone in reverse and
 * the error names the file that failed: the previous output stays exactly as it was.
 */
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class WriteError extends Error {
  override name = 'WriteError';
}

/** The file-system calls used; a test replaces one to fail at a chosen step. */
export interface WriteFs {
  lstat: (path: string) => fs.Stats | undefined;
  mkdir: (path: string) => void;
  write: (path: string, data: string) => void;
  rename: (from: string, to: string) => void;
  remove: (path: string) => void;
}

export const nodeFs: WriteFs = {
  lstat: (path) => fs.lstatSync(path, { throwIfNoEntry: false }),
  mkdir: (path) => fs.mkdirSync(path, { recursive: true }),
  // A leftover temp file is replaced, never written through (it could be a planted link).
  write: (path, data) => {
    fs.rmSync(path, { force: true });
    fs.writeFileSync(path, data, { flag: 'wx' });
  },
  rename: (from, to) => fs.renameSync(from, to),
  remove: (path) => fs.rmSync(path, { force: true }),
};

export interface OutputPlan {
  /** Written in this order; put the file the app reads first (facts.json) last. */
  files: Array<{ path: string; data: string }>;
  /** Old outputs to remove in the same step (reader texts of deleted documents). */
  stale?: string[];
}

const aside = (path: string, tag: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${tag}`);
const reason = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Refuses a target that exists and is not a regular file: renaming over /dev/full would replace
 * the device, over a folder fails half-way, over a link would replace the link, not its target.
 */
function checkTargets(paths: string[], io: WriteFs): void {
  for (const path of paths) {
    const st = io.lstat(path);
    if (st && !st.isFile()) {
      const what = st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
      throw new WriteError(`cannot write ${path}: it is ${what}`);
    }
  }
}

export function writeOutputs(plan: OutputPlan, io: WriteFs = nodeFs): void {
  const stale = plan.stale ?? [];
  checkTargets([...plan.files.map((f) => f.path), ...stale], io);
  const temps: string[] = [];
  const dropTemps = () => temps.forEach((t) => io.remove(t));
  for (const { path, data } of plan.files) {
    const tmp = aside(path, 'tmp');
    try {
      io.mkdir(dirname(path));
      temps.push(tmp);
      io.write(tmp, data);
    } catch (e) {
      dropTemps();
      throw new WriteError(`cannot write ${path}: ${reason(e)}`);
    }
  }
  // Each step knows how to undo itself; they are undone in reverse if a later one fails.
  const undo: Array<() => void> = [];
  const backups: string[] = [];
  const moveAside = (path: string) => {
    if (!io.lstat(path)) return;
    const bak = aside(path, 'bak');
    io.rename(path, bak);
    backups.push(bak);
    undo.push(() => io.rename(bak, path));
  };
  let current = '';
  try {
    plan.files.forEach(({ path }, i) => {
      current = path;
      moveAside(path);
      io.rename(temps[i], path);
      undo.push(() => io.rename(path, temps[i]));
    });
    for (const path of stale) {
      current = path;
      moveAside(path);
    }
  } catch (e) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Keep undoing the rest: one stuck file must not strand the others.
      }
    }
    dropTemps();
    throw new WriteError(`cannot write ${current}: ${reason(e)}`);
  }
  for (const bak of backups) io.remove(bak);
}
