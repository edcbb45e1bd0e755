/** Where the emulator reports what it did and what it refused. */
export type Logger = (line: string) => void;

export const stderrLogger: Logger = (line) => {
  process.stderr.write(`[wix-emulator] ${line}\n`);
};

export const silentLogger: Logger = () => {};
