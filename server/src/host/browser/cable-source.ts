/**
 * The workspace index's I/O in a browser: the folder's files listed by the client (the VS Code
 * web client's `workspace.findFiles`, whatever the folder's scheme) and each read through the
 * client too, then parsed here, a file at a time with a turn of the event loop between files, so
 * that a keystroke's request waits behind one file at most (a web worker has no thread of its own
 * to spare). Only the facts are kept, never a tree. No Node built-ins.
 */
import { parseCable } from '../../../../grammar/src/index';
import { indexedCableOf, type IndexedCable } from '../../service/workspace-index';
import { decodeCable } from '../decode';
import { type CableSource, type FolderFile, inSkippedFolder, relativeTo } from '../workspace-indexer';
import type { ClientFiles } from './host';

/** What the index needs of the client besides reading: listing a folder's files by glob. */
export interface ClientFolders {
  /** The URIs below `folderUri` that match any of `globs` (relative to it), at most `max`. */
  find(folderUri: string, globs: readonly string[], max: number): Promise<string[]>;
}

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const message = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0]!;

export function browserCableSource(client: ClientFiles & ClientFolders): CableSource {
  return {
    async list(folderUri, accept, max, stop, globs) {
      // One more than asked: more than `max` found is how a cap shows.
      const uris = await client.find(folderUri, globs, max + 1);
      const files: FolderFile[] = [];
      const seen = new Set<string>();
      for (const uri of uris) {
        if (stop()) break;
        const rel = relativeTo(folderUri, uri);
        if (rel === undefined || seen.has(uri) || inSkippedFolder(rel) || !accept(rel)) continue;
        seen.add(uri);
        files.push({ uri, rel });
      }
      // A stable order, whatever order the client found them in: the same files first under a cap.
      files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      return { files: files.slice(0, max), capped: files.length > max };
    },
    async parse(uris) {
      const entries: IndexedCable[] = [];
      const failed: { uri: string; reason: string }[] = [];
      for (const uri of uris) {
        try {
          const bytes = await client.read(uri);
          if (bytes === undefined) failed.push({ uri, reason: 'no such file' });
          else entries.push(indexedCableOf(uri, parseCable(decodeCable(bytes))));
        } catch (err) {
          failed.push({ uri, reason: message(err) });
        }
        await turn();
      }
      return { entries, failed };
    },
    dispose() {},
  };
}
