import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../../src/pipeline/extract-figures.ts';

const fig = (s: string) => extractFigures(s).map((f) => ({ text: f.text, value: f.value, unit: f.unit, measure: f.measure }));

describe('extractFigures', () => {
  it('reads a percentage and what it measures', () => {
    expect(fig('全市研发投入强度保持在6%左右。')).toEqual([{ text: '6%', value: 6, unit: '%', measure: '全市研发投入强度' }]);
  });

  it('reads a decimal amount in 亿元', () => {
    expect(fig('中关村示范区总收入达到9153.3亿元。')).toEqual([{ text: '9153.3亿元', value: 9153.3, unit: '亿元', measure: '中关村示范区总收入' }]);
  });

  it('reads a count of 家', () => {
    expect(fig('独角兽企业115家。')).toEqual([{ text: '115家', value: 115, unit: '家', measure: '独角兽企业' }]);
  });

  it('reads an area in 平方公里, preferring the longest unit', () => {
    expect(fig('规划面积100.9平方公里。')).toEqual([{ text: '100.9平方公里', value: 100.9, unit: '平方公里', measure: '规划面积' }]);
  });

  it('reads a year alone with unit 年 and no measure', () => {
    expect(fig('到2025年，基本形成。')).toEqual([{ text: '2025年', value: 2025, unit: '年', measure: '' }]);
  });

  it('reads 三分之一 as a fraction', () => {
    const [f] = extractFigures('贡献了全市三分之一的产值');
    expect([f.text, f.unit, f.value]).toEqual(['三分之一', 'fraction', 1 / 3]);
  });

  it('reads Chinese numeral counts but not a lone 一', () => {
    expect(fig('建设十六个分园和一个中心')).toEqual([{ text: '十六个', value: 16, unit: '个', measure: '建设' }]);
  });

  it('reads a range with its upper end', () => {
    const [f] = extractFigures('实施期限为2021至2025年。');
    expect([f.text, f.value, f.max, f.unit]).toEqual(['2021至2025年', 2021, 2025, '年']);
  });

  it('reports Traditional units in Simplified and offsets in the document', () => {
    const [f] = extractFigures('規劃建設5個大科學裝置', 100);
    expect([f.text, f.unit, f.start, f.end]).toEqual(['5個', '个', 104, 106]);
  });

  it('lets a second figure in the same clause inherit the measure, skipping years', () => {
    const fs = fig('基础研究投入占比从2014年的12.6%提升至2019年的15.9%。');
    expect(fs.map((f) => [f.text, f.measure])).toEqual([
      ['2014年', ''], ['12.6%', '基础研究投入占比'], ['2019年', ''], ['15.9%', '基础研究投入占比'],
    ]);
  });

  it('ignores ordinals and dates without a unit', () => {
    expect(fig('第7期，1月20日发布')).toEqual([]);
    expect(fig('第十四個五年規劃')).toEqual([]);
  });

  it('drops verbs and conjunctions between the measure and the number', () => {
    expect(fig('北京拥有90多所大学').map((f) => [f.text, f.value, f.measure])).toEqual([['90多所', 90, '北京']]);
  });
});
