/**
 * What the CLI reads from the seeds folder: regular files only. A link — to a file outside the
 * folder, dangling, or in place of the manifest — is refused with one line naming it, and
 * nothing of the link's target is published; the previous output stays as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/pipeline/cli.ts';

const FIX = new URL('../../fixtures/pipeline/', import.meta.url).pathname;
let dir: string;
let seeds: string;
let lines: string[];
const out = () => join(dir, 'out', 'facts.json');
const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
const cli = () => runCli(['--seeds', seeds, '--out', out(), '--places', join(FIX, 'gazetteer.json'), '--topics', join(FIX, 'topics.json')], io);
const SENTENCE = '海淀区聚焦人工智能产业，打造具有全球影响力的创新高地。';
const MANIFEST = [{ file: 'good.txt', id: 'good', title: 'T', publisher: 'P', date: '2021', script: 'zhHans', body: { startsWith: '海淀区', endsWith: '高地。' } }];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atlas-seeds-'));
  seeds = join(dir, 'seeds');
  mkdirSync(seeds);
  writeFileSync(join(seeds, 'good.txt'), SENTENCE);
  writeFileSync(join(dir, 'secret.txt'), `${SENTENCE}秘密。`);
  lines = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs once cleanly, applies `change`, and expects a one-line refusal with the output untouched. */
function expectRefused(change: () => void, message: RegExp) {
  expect(cli()).toBe(0);
  const before = readFileSync(out());
  const docsBefore = readdirSync(join(dir, 'out', 'docs'));
  change();
  lines = [];
  expect(cli()).toBe(1);
  expect(lines).toEqual([expect.stringMatching(message)]);
  expect(readFileSync(out()).equals(before)).toBe(true);
  expect(readdirSync(join(dir, 'out', 'docs'))).toEqual(docsBefore);
  expect(readFileSync(out(), 'utf8')).not.toContain('秘密');
}

describe('the seeds folder', () => {
  it('refuses a link to a file outside the folder, naming it, and publishes nothing of it', () => {
    expectRefused(() => symlinkSync(join(dir, 'secret.txt'), join(seeds, 'passwd.txt')), /^error: passwd\.txt: a symbolic link; a seed must be a regular file in the seeds folder$/);
    expect(existsSync(join(dir, 'out', 'docs', 'passwd.txt'))).toBe(false);
  });

  it('refuses a link inside the folder too (a link is never followed, wherever it points)', () => {
    expectRefused(() => symlinkSync('good.txt', join(seeds, 'again.txt')), /^error: again\.txt: a symbolic link;/);
  });

  it('refuses a dangling link with the same one-line form, not a raw ENOENT', () => {
    expectRefused(() => symlinkSync(join(dir, 'nowhere.txt'), join(seeds, 'gone.html')), /^error: gone\.html: a symbolic link; a seed must be a regular file/);
  });

  it('refuses a manifest that is a link', () => {
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
    expectRefused(() => symlinkSync(join(dir, 'manifest.json'), join(seeds, 'manifest.json')), /^error: manifest\.json: a symbolic link;/);
  });

  it('refuses a named pipe called like a document, without waiting on it', () => {
    expectRefused(() => execFileSync('mkfifo', [join(seeds, 'pipe.txt')]), /^error: pipe\.txt: not a regular file/);
  });

  it('ignores a folder named like a document and a link with another name', () => {
    mkdirSync(join(seeds, 'folder.txt'));
    symlinkSync(join(dir, 'secret.txt'), join(seeds, 'notes.md'));
    expect(cli()).toBe(0);
    expect(readdirSync(join(dir, 'out', 'docs'))).toEqual(['good.json', 'good.txt']);
  });

  it('reads a manifest saved with a byte-order mark', () => {
    writeFileSync(join(seeds, 'manifest.json'), `\uFEFF${JSON.stringify(MANIFEST)}`);
    expect(cli()).toBe(0);
    const facts = JSON.parse(readFileSync(out(), 'utf8'));
    expect(facts.documents.map((d: { id: string; bodySource: string }) => [d.id, d.bodySource])).toEqual([['good', 'manifest']]);
  });

  it('tells a manifest entry for a file that is not a document from one for a missing file', () => {
    writeFileSync(join(seeds, 'ghost.md'), SENTENCE);
    writeFileSync(join(seeds, 'manifest.json'), JSON.stringify([{ ...MANIFEST[0], file: 'ghost.md', id: 'ghost' }]));
    expect(cli()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/seeds\/manifest\.json: entry ghost: ghost\.md is not a document \(a \.txt, \.html or \.htm file in the seeds folder\)$/)]);
    writeFileSync(join(seeds, 'manifest.json'), JSON.stringify([{ ...MANIFEST[0], file: 'absent.txt', id: 'absent' }]));
    lines = [];
    expect(cli()).toBe(1);
    expect(lines).toEqual([expect.stringMatching(/seeds\/manifest\.json: entry absent names a missing file: absent\.txt$/)]);
  });
});
