/**
 * The host in a browser (vscode.dev, github.dev, any web worker): no disk, so every file comes
 * from the client (`ClientFiles`: the VS Code web client reads it with `workspace.fs`, whatever
 * the folder's scheme), and documents are named by their URI's path. Configurations are found and
 * loaded by the same steps as on Node (host/config-chain.ts), only answered over the connection.
 * No Node built-ins.
 */
import { URI, Utils } from 'vscode-uri';
import { ConfigError, type CableLintConfig } from '../../config/settings';
import { type ConfigAnswer, type ConfigLocations, type ConfigStep, loadConfig, nearestConfig, runAsync } from '../config-chain';
import { decodeCable } from '../decode';
import { InputError } from '../errors';
import type { DocumentConfiguration, Host } from '../host';

/** What the host needs from the client: a file's bytes, undefined when there is no such file; rejects with a one-line reason. */
export interface ClientFiles {
  read(uri: string): Promise<Uint8Array | undefined>;
}

/** Documents without a place in any folder: nothing to read beside them. */
const PLACELESS_SCHEMES = new Set(['untitled', 'vscode-notebook-cell', 'inmemory', 'vscode-interactive-input']);

function parse(uri: string): URI | undefined {
  try {
    return URI.parse(uri, true);
  } catch {
    return undefined;
  }
}

/** URIs as config locations: `extends` resolved against the config's folder URI, labelled by path. */
const URIS: ConfigLocations<URI> = {
  parent: (dir) => (dir.path === '/' || dir.path === '' ? undefined : Utils.dirname(dir)),
  folderOf: (file) => Utils.dirname(file),
  child: (dir, name) => Utils.joinPath(dir, name),
  resolve: (dir, written) => Utils.resolvePath(dir, written),
  key: (at) => at.toString(),
  label: (at) => at.path,
  globBase: (dir) => dir.path,
};

const utf8 = new TextDecoder('utf-8');

export interface BrowserHostOptions {
  /** Where the rule pages are (ending in `/`); empty when there is none to link (the default). */
  ruleDocsBase?: string;
}

export function browserHost(client: ClientFiles, options: BrowserHostOptions = {}): Host {
  /** Each path `pathOf` gave, with the scheme and authority it came from (`uriOf` goes back). */
  const origins = new Map<string, URI>();
  /** One round trip per file and generation: a probe and the read that follows share it. */
  let reads = new Map<string, Promise<Uint8Array | undefined>>();
  let nearest = new Map<string, URI | null>();
  let loaded = new Map<string, Promise<CableLintConfig>>();
  /** The files the configurations in use were read from. */
  let read = new Set<string>();

  const fetchBytes = (uri: URI): Promise<Uint8Array | undefined> => {
    const key = uri.toString();
    let p = reads.get(key);
    if (!p) {
      p = client.read(key);
      reads.set(key, p);
    }
    return p;
  };

  const answer = async (step: ConfigStep<URI>): Promise<ConfigAnswer> => {
    if ('probe' in step) {
      // A folder of that name or a failed read is no config, as a failed stat is none on Node.
      return fetchBytes(step.probe).then((bytes) => bytes !== undefined, () => false);
    }
    read.add(step.read.toString());
    try {
      const bytes = await fetchBytes(step.read);
      return bytes === undefined ? { error: 'no such file' } : { text: utf8.decode(bytes) };
    } catch (err) {
      return { error: reason(err) };
    }
  };

  const pathOf = (uri: string): string | undefined => {
    const u = parse(uri);
    if (!u || PLACELESS_SCHEMES.has(u.scheme) || !u.path.startsWith('/')) return undefined;
    origins.set(u.path, u);
    return u.path;
  };

  /** The URI of a path: the scheme and authority of the known path that shares most folders with it. */
  const uriOf = (path: string): string => {
    let best: URI | undefined;
    let bestLength = -1;
    for (const [known, u] of origins) {
      const shared = sharedFolders(known, path);
      if (shared > bestLength) {
        best = u;
        bestLength = shared;
      }
    }
    return (best ?? URI.file('/')).with({ path, query: '', fragment: '' }).toString();
  };

  return {
    files: {
      async readCable(uri) {
        const u = parse(uri);
        const label = u?.path || uri;
        let bytes: Uint8Array | undefined;
        try {
          bytes = await client.read(uri);
        } catch (err) {
          throw new InputError(`cannot read ${label}: ${reason(err)}`);
        }
        if (bytes === undefined) throw new InputError(`cannot read ${label}: no such file`);
        return decodeCable(bytes);
      },
      async readText(uri) {
        let bytes: Uint8Array | undefined;
        try {
          bytes = await client.read(uri);
        } catch (err) {
          throw new InputError(`cannot read ${parse(uri)?.path || uri}: ${reason(err)}`);
        }
        return bytes === undefined ? undefined : utf8.decode(bytes);
      },
    },
    configuration: {
      async forDocument(uri): Promise<DocumentConfiguration> {
        const u = parse(uri);
        if (!u || pathOf(uri) === undefined) return {};
        const found = await runAsync(nearestConfig(URIS, Utils.dirname(u), nearest), answer);
        if (!found) return {};
        const file = found.path;
        const key = found.toString();
        let config = loaded.get(key);
        if (!config) {
          config = runAsync(loadConfig(URIS, found), answer);
          loaded.set(key, config);
        }
        try {
          return { config: await config, file };
        } catch (err) {
          return { file, problem: err instanceof ConfigError ? err.message : `cannot read the configuration: ${reason(err)}` };
        }
      },
      readsFrom(uri) {
        const u = parse(uri);
        return u !== undefined && read.has(u.toString());
      },
      reload() {
        reads = new Map();
        nearest = new Map();
        loaded = new Map();
        read = new Set();
      },
    },
    workspace: {
      pathOf,
      uriOf,
      ruleDocsBase: options.ruleDocsBase ?? '',
    },
  };
}

function reason(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!;
}

/** How many leading folders two paths share. */
function sharedFolders(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length - 1 && i < y.length - 1 && x[i] === y[i]) i++;
  return i;
}
