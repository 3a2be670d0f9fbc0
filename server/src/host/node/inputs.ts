/**
 * The inputs of a command line (`cable-lint`, `cable-lint fmt`, `cable-lint refs`): the paths as
 * given, in order, `-` standing for stdin, each file once however many paths reach it.
 */
import { decodeCableWithEncoding, type CableEncoding } from '../decode';
import { InputError } from '../errors';
import { expandInputs, type InputFile } from './files';

export type CommandLineInput =
  | { file: InputFile }
  | {
      /** Stdin as read (a command that changes nothing writes these bytes back as they came). */
      stdin: { bytes: Uint8Array; read: CableEncoding & { text: string }; name?: string };
    };

/** What a command line says about its inputs. */
export interface CommandLinePaths {
  paths: readonly string[];
  /** `--ignore-pattern`s. */
  ignorePatterns?: readonly string[];
  /** `--no-ignore`: neither `.cablelintignore` nor the patterns. */
  noIgnore?: boolean;
  /** `--stdin-filename`: the name the text read for `-` goes by (for its config and in reports). */
  stdinFilename?: string;
}

export interface CommandLineInputOptions {
  /** Folder that relative paths, globs and ignore patterns are taken from. */
  cwd: string;
  readStdin(): Promise<Uint8Array>;
  /** A file named on the command line that an ignore pattern skips: worth a note. */
  onIgnored(path: string): void;
}

/** Inputs in command-line order (stdin where `-` stands), each file once. */
export async function commandLineInputs(args: CommandLinePaths, options: CommandLineInputOptions): Promise<CommandLineInput[]> {
  const inputs: CommandLineInput[] = [];
  const seen = new Set<string>();
  const expand = { cwd: options.cwd, ignorePatterns: args.noIgnore ? [] : (args.ignorePatterns ?? []), ignoreFile: !args.noIgnore };
  for (const p of args.paths) {
    if (p === '-') {
      let bytes: Uint8Array;
      try {
        bytes = await options.readStdin();
      } catch (err) {
        throw new InputError(`cannot read stdin: ${(err as Error).message}`);
      }
      inputs.push({ stdin: { bytes, read: decodeCableWithEncoding(bytes), ...(args.stdinFilename !== undefined ? { name: args.stdinFilename } : {}) } });
      continue;
    }
    const { files, ignored } = expandInputs([p], expand);
    for (const name of ignored) options.onIgnored(name);
    for (const file of files) {
      if (seen.has(file.absolutePath)) continue;
      seen.add(file.absolutePath);
      inputs.push({ file });
    }
  }
  return inputs;
}
