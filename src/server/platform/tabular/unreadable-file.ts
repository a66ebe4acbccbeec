import { AppError } from '../../../shared/app-error.js';
import { TabularReadError } from './tabular-types.js';

/**
 * Runs a read of an uploaded table and reports a file that cannot be read as
 * `import.unreadable_file` (400, with the problem and the line), the same for every import,
 * instead of letting the reader's own error end as an internal one.
 */
export async function readingUpload<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TabularReadError) {
      throw new AppError('import.unreadable_file', {
        reason: error.problem,
        line: error.line,
        message: error.message,
      });
    }
    throw error;
  }
}
