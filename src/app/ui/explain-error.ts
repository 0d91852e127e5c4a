/** What the page says about an error: a data file's (missing, invalid: which file, which command), or the map's. */
import { DataFileError } from '../data/fetch-data-file.ts';
import { type Lang, t } from '../i18n/strings.ts';

export function explain(e: unknown, lang: Lang): [title: string, message: string] {
  if (e instanceof DataFileError) {
    const key = e.kind === 'missing' ? 'dataMissing' : 'dataInvalid';
    return [t('errorTitle', lang), t(key, lang, { file: e.file, reason: e.reason, command: e.command })];
  }
  return [t('errorTitle', lang), t('noWebgl', lang, { reason: e instanceof Error ? e.message : String(e) })];
}
