/** Where a run keeps the id of the API request that started it: shared by the API, workflows and workers. */
export const REQUEST_ID_MEMO_KEY = 'requestId';
/** The header workflows put on the activities they schedule. */
export const REQUEST_ID_HEADER = 'iby-request-id';
