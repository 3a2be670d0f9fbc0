/** The host on Node: files and configurations from the file system, `file:` URIs. */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError } from '../../config/settings';
import { decodeCable } from '../decode';
import { InputError, ioReason } from '../errors';
import type { Host } from '../host';
import { ConfigResolver } from './config-files';
import { ruleDocsBase } from './rule-docs';

/** The path of a `file:` URI; undefined for any other scheme (untitled documents). */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function nodeHost(): Host {
  let resolver = new ConfigResolver();
  const pathOrThrow = (uri: string): string => {
    const path = filePathOf(uri);
    if (path === undefined) throw new InputError(`not a file URI: ${uri}`);
    return path;
  };
  return {
    files: {
      async readCable(uri) {
        const path = pathOrThrow(uri);
        try {
          return decodeCable(await readFile(path));
        } catch (err) {
          throw new InputError(`cannot read ${path}: ${ioReason(err)}`);
        }
      },
      async readText(uri) {
        const path = pathOrThrow(uri);
        try {
          return await readFile(path, 'utf8');
        } catch (err) {
          if ((err as { code?: string }).code === 'ENOENT') return undefined;
          throw new InputError(`cannot read ${path}: ${ioReason(err)}`);
        }
      },
    },
    configuration: {
      async forDocument(uri) {
        const path = filePathOf(uri);
        if (path === undefined) return {};
        const file = resolver.findConfigFile(dirname(path));
        try {
          const config = resolver.configFor(path);
          return { ...(config ? { config } : {}), ...(file ? { file } : {}) };
        } catch (err) {
          return { ...(file ? { file } : {}), problem: err instanceof ConfigError ? err.message : `cannot read the configuration: ${String(err)}` };
        }
      },
      readsFrom(uri) {
        const path = filePathOf(uri);
        return path !== undefined && resolver.filesRead().includes(resolve(path));
      },
      reload() {
        resolver = new ConfigResolver();
      },
    },
    workspace: {
      pathOf: filePathOf,
      uriOf: (path) => pathToFileURL(path).href,
      ruleDocsBase: ruleDocsBase(),
    },
  };
}
