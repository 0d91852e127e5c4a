import { describe, expect, it } from 'vitest';
import { BodyMarkerError, extractBody } from '../../../src/pipeline/extract-body.ts';
import type { ManifestEntry } from '../../../src/types.ts';

const entry = (startsWith: string, endsWith: string): ManifestEntry => ({
  file: 'a.txt', id: 'a', title: 'A', publisher: 'P', date: '2021-01-01', script: 'zhHans',
  body: { startsWith, endsWith },
});

const page = [
  '首页', '新闻', '分享到微信', '',
  '怀柔科学城加快建设',
  '  怀柔科学城是北京国际科技创新中心的重要组成部分，正在加快建设重大科技基础设施集群。',
  '一、总体要求',
  '亦庄将聚焦高精尖产业，打造具有全球影响力的创新型产业集群和科技服务中心。到2025年形成规模。',
  '', '相关新闻', '责任编辑：王五', '版权所有',
].join('\n');

describe('extractBody', () => {
  it('spans from the start marker to the end of the end marker', () => {
    const b = extractBody(page, entry('怀柔科学城是', '形成规模。'));
    expect(b.source).toBe('manifest');
    expect(page.slice(b.start, b.end)).toMatch(/^怀柔科学城是.*形成规模。$/s);
  });

  it('looks for the end marker only after the start marker', () => {
    const b = extractBody('甲乙。甲丙丁。乙。', entry('甲丙', '乙。'));
    expect([b.start, b.end]).toEqual([3, 9]);
  });

  it('throws a clear error when the start marker is missing', () => {
    expect(() => extractBody(page, entry('不存在的开头', '。'))).toThrow(BodyMarkerError);
    expect(() => extractBody(page, entry('不存在的开头', '。'))).toThrow(/a\.txt: body start marker not found/);
  });

  it('throws when the end marker is missing after the start', () => {
    expect(() => extractBody(page, entry('亦庄', '怀柔科学城是'))).toThrow(/body end marker not found/);
  });

  it('without a manifest entry finds the prose run, keeping the title line and short headings inside', () => {
    const b = extractBody(page);
    expect(b.source).toBe('heuristic');
    expect(page.slice(b.start, b.end)).toMatch(/^怀柔科学城加快建设\n.*一、总体要求.*形成规模。$/s);
  });

  it('without a manifest entry takes the title over a date and source line', () => {
    const t = '首页\n怀柔科学城加快建设\n2021-03-01 来源：某某网\n怀柔科学城是北京国际科技创新中心的重要组成部分，正在加快建设重大科技基础设施集群。';
    const b = extractBody(t);
    expect(t.slice(b.start, b.start + 9)).toBe('怀柔科学城加快建设');
  });

  it('without a manifest entry and without prose returns the trimmed text', () => {
    const b = extractBody('  首页\n新闻  ');
    expect([b.start, b.end]).toEqual([2, 7]);
  });
});
