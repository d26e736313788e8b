import { readFileSync } from 'node:fs';

/** Reads of files outside the repositories (the exercise bank), behind a provider. */
export abstract class FileSystem {
  abstract readFile(path: string): Buffer;
}

export class NodeFileSystem extends FileSystem {
  readFile(path: string): Buffer {
    return readFileSync(path);
  }
}
