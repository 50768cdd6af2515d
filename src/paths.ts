/**
 * Where the package's own files are (data/, seeds/, package.json), for every module.
 * Why one place: this module sits one folder below the package root in every form the code
 * runs in (src/ under vitest, dist/ from tsc, lib/ as bundled for the command), so one relative
 * URL is right in all three; paths written relative to each module's own folder would break in
 * the bundle, where every module shares its chunk's URL.
 */
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** An absolute path from a path relative to the package root ('data/models/'). */
export function packagePath(relative: string): string {
  return PACKAGE_ROOT + relative;
}
