/**
 * Publishing the outputs all or nothing: a failure at any step — writing a temp file, moving an
 * old file aside, renaming a new one in, removing a stale one — leaves every old file as it was,
 * no temp or backup file behind, and a message naming the file that failed.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/pipeline/cli.ts';
import { nodeFs, writeOutputs, type WriteFs } from '../../../src/pipeline/write-outputs.ts';

const FIX = new URL('../../fixtures/pipeline/', import.meta.url).pathname;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root` with its content, hidden ones included. */
function snapshot(root: string): Record<string, string> {
  const all: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const path = join(root, name);
    if (lstatSync(path).isFile()) all[name] = readFileSync(path, 'utf8');
  }
  return all;
}

/** The old output: facts, index and two reader texts. */
function oldOutput() {
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'a.txt'), 'old a');
  writeFileSync(join(dir, 'docs', 'gone.txt'), 'old gone');
  writeFileSync(join(dir, 'facts-index.json'), 'old index');
  writeFileSync(join(dir, 'facts.json'), 'old facts');
}
const plan = () => ({
  files: [
    { path: join(dir, 'docs', 'a.txt'), data: 'new a' },
    { path: join(dir, 'docs', 'b.txt'), data: 'new b' },
    { path: join(dir, 'facts-index.json'), data: 'new index' },
    { path: join(dir, 'facts.json'), data: 'new facts' },
  ],
  stale: [join(dir, 'docs', 'gone.txt')],
});

/** The node file system with the nth call of `op` failing. */
function failing(op: keyof WriteFs, nth: number): WriteFs {
  let calls = 0;
  return {
    ...nodeFs,
    [op]: (...args: never[]) => {
      if (++calls === nth) throw Object.assign(new Error(`${op} failed`), { code: 'EIO' });
      return (nodeFs[op] as (...a: never[]) => unknown)(...args);
    },
  };
}

describe('writeOutputs', () => {
  it('publishes every new file and removes the stale ones, leaving no temp or backup', () => {
    oldOutput();
    writeOutputs(plan());
    expect(snapshot(dir)).toEqual({ 'docs/a.txt': 'new a', 'docs/b.txt': 'new b', 'facts-index.json': 'new index', 'facts.json': 'new facts' });
  });

  // Renames: a.txt aside(1) in(2), b.txt in(3), index aside(4) in(5), facts aside(6) in(7), gone aside(8).
  for (let nth = 1; nth <= 8; nth++) {
    it(`rolls everything back when rename ${nth} of 8 fails, naming the file it was for`, () => {
      oldOutput();
      const before = snapshot(dir);
      const failedFor = ['a.txt', 'a.txt', 'b.txt', 'facts-index.json', 'facts-index.json', 'facts.json', 'facts.json', 'gone.txt'][nth - 1];
      expect(() => writeOutputs(plan(), failing('rename', nth))).toThrow(new RegExp(`^cannot write .*/${failedFor.replace('.', '\\.')}: EIO$`));
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('writes nothing when a temp file cannot be written, naming the file', () => {
    oldOutput();
    const before = snapshot(dir);
    expect(() => writeOutputs(plan(), failing('write', 3))).toThrow(/^cannot write .*\/facts-index\.json: EIO$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a target that is a device, a folder or a link, before writing anything', () => {
    oldOutput();
    const before = snapshot(dir);
    // The device is only looked at: every call that could change it is recorded, not made, so a
    // regression here fails the test instead of replacing the machine's /dev/full.
    const touched: string[] = [];
    const dryRun: WriteFs = { ...nodeFs, mkdir: (p) => touched.push(p), write: (p) => touched.push(p), rename: (a, b) => touched.push(a, b), remove: (p) => touched.push(p) };
    expect(() => writeOutputs({ files: [{ path: join(dir, 'facts-index.json'), data: 'x' }, { path: '/dev/full', data: 'x' }] }, dryRun)).toThrow('cannot write /dev/full: it is not a regular file');
    expect(touched).toEqual([]);
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    mkdirSync(join(dir, 'folder.json'));
    expect(() => writeOutputs({ files: [{ path: join(dir, 'folder.json'), data: 'x' }] })).toThrow(/folder\.json: it is a folder$/);
    symlinkSync(join(dir, 'facts.json'), join(dir, 'link.json'));
    expect(() => writeOutputs({ files: [{ path: join(dir, 'link.json'), data: 'x' }] })).toThrow(/link\.json: it is a symbolic link$/);
    rmSync(join(dir, 'folder.json'), { recursive: true });
    rmSync(join(dir, 'link.json'));
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('the CLI’s outputs', () => {
  const seeds = () => join(dir, 'seeds');
  const cli = (out: string, lines: string[] = []) =>
    runCli(['--seeds', seeds(), '--out', out, '--places', join(FIX, 'gazetteer.json'), '--topics', join(FIX, 'topics.json')], { log: (l) => lines.push(l), error: (l) => lines.push(l) });
  beforeEach(() => {
    mkdirSync(seeds());
    writeFileSync(join(seeds(), 'a.txt'), '海淀区聚焦人工智能产业，打造具有全球影响力的创新高地。');
    writeFileSync(join(seeds(), 'b.txt'), '朝阳区聚焦数字经济，建设国际消费中心。');
  });

  it('writes the reader texts in the docs folder beside --out, wherever that is', () => {
    expect(cli(join(dir, 'y', 'facts.json'))).toBe(0);
    expect(readdirSync(join(dir, 'y')).sort()).toEqual(['docs', 'documents.json', 'facts.json', 'figures.json', 'places', 'search', 'summary.json', 'tallies-by-doc.json']);
    expect(readdirSync(join(dir, 'y', 'docs')).sort()).toEqual(['a.json', 'a.txt', 'b.json', 'b.txt']);
  });

  it('removes the reader text and facts of a deleted seed, and only generated files', () => {
    const out = join(dir, 'y', 'facts.json');
    expect(cli(out)).toBe(0);
    writeFileSync(join(dir, 'y', 'docs', 'README.md'), 'kept');
    rmSync(join(seeds(), 'b.txt'));
    const lines: string[] = [];
    expect(cli(out, lines)).toBe(0);
    expect(readdirSync(join(dir, 'y', 'docs')).sort()).toEqual(['README.md', 'a.json', 'a.txt']);
    // b.txt and b.json, and the place and search files whose content changed with b gone.
    expect(lines.at(-1)).toMatch(/1 reader text\(s\) in .* \(\d+ stale removed\)$/);
    expect(Number(/\((\d+) stale removed\)/.exec(lines.at(-1)!)![1])).toBeGreaterThanOrEqual(2);
  });

  // A named pipe stands in for a device such as /dev/full (which a regression would replace on the test machine).
  it('refuses an --out that is not a regular file: it stays what it was and the run fails', () => {
    const pipe = join(dir, 'y', 'facts.json');
    mkdirSync(join(dir, 'y'));
    execFileSync('mkfifo', [pipe]);
    const lines: string[] = [];
    expect(cli(pipe, lines)).toBe(1);
    expect(lines.at(-1)).toBe(`error: cannot write ${pipe}: it is not a regular file`);
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(readdirSync(join(dir, 'y'))).toEqual(['facts.json']);
  });
});
