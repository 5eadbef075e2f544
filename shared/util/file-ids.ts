/**
 * Files the core writes (exports) or receives (imports) live in the data folder's `files/` under a
 * random UUID, never under a name a caller chose, so no path from outside can reach another file.
 */
export const fileIdForm = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The folder under the data folder that holds them. */
export const filesFolderName = 'files';

export const isFileId = (value: string): boolean => fileIdForm.test(value);
