/** `iby`'s exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  /** The work itself failed: a run failed or was cancelled, a file cannot be analysed. */
  failed: 1,
  /** The command line is wrong. */
  usage: 2,
  /** The API refused the request (bad input, unknown id, missing or wrong key). */
  refused: 3,
  /** The API cannot be reached or failed on its side. */
  unavailable: 4,
} as const;

export const EXIT_CODES_HELP =
  'exit codes:\n' +
  '  0  success\n' +
  '  1  the work failed (a run failed or was cancelled; a file cannot be analysed)\n' +
  '  2  bad command line\n' +
  '  3  the API refused the request (bad input, unknown id, missing or wrong IBY_API_KEY)\n' +
  '  4  the API cannot be reached or failed (IBY_API_URL)\n';
