/** Node's codes for a file that cannot be read, in the operator's words. */
const READ_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder, not a file',
};

/** Why a file named on the command line could not be read, in words; the code itself when there are none. */
export function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && READ_PROBLEMS[code]) ?? code ?? String(error);
}
