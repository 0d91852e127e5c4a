/** Same-origin data files: fetched and parsed, or a DataFileError that names the file and the command that rebuilds it. */

/** A data file that is missing or malformed: the UI names the file and the command that rebuilds it. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly kind: 'missing' | 'invalid',
    readonly command: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The file's response, checked: reachable, found, and not an HTML page sent in its place. */
async function fetchChecked(url: string, command: string, fetcher: typeof fetch): Promise<Response> {
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new DataFileError(url, (e as Error).message, 'missing', command);
  }
  if (!res.ok) throw new DataFileError(url, `HTTP ${res.status}`, 'missing', command);
  // Static hosts and dev servers that fall back to index.html answer a missing file with a page.
  if (/text\/html/i.test(res.headers.get('content-type') ?? '')) {
    throw new DataFileError(url, 'the server sent an HTML page instead: the file is probably missing', 'missing', command);
  }
  return res;
}

export async function fetchDataFile(url: string, command: string, fetcher: typeof fetch = fetch): Promise<unknown> {
  const res = await fetchChecked(url, command, fetcher);
  try {
    return await res.json();
  } catch {
    throw new DataFileError(url, 'not valid JSON', 'invalid', command);
  }
}

/** A text data file (a document for the reader), checked the same way. */
export async function fetchDataText(url: string, command: string, fetcher: typeof fetch = fetch): Promise<string> {
  return (await fetchChecked(url, command, fetcher)).text();
}
