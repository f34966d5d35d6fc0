import { Writable } from 'node:stream';

/** Collects what a command writes, so tests read its output as text. */
export class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export type Command = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

/** Runs a command in-process with captured stdout and stderr. */
export async function runCaptured(
  command: Command,
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out = new Capture();
  const err = new Capture();
  const code = await command(argv, out, err);
  return { code, out: out.text, err: err.text };
}
