import { useRef } from 'react';
import { newIdempotencyKey } from './api-client.js';

/** A form's last submission: its answers (as JSON text) and the key they were sent with. */
export interface LastSubmission {
  answers: string;
  key: string;
}

/**
 * The key of a form's next submission: the answers sent last time get the same key again, so a
 * retried or double-sent submission makes one record; any other answers are a new submission
 * with a key of its own (even answers sent before, since what came after them may have changed
 * the record). `answers` is anything JSON can hold, compared by its JSON text.
 */
export function nextSubmission(
  last: LastSubmission | null,
  answers: unknown,
  make: () => string = newIdempotencyKey,
): LastSubmission {
  const text = JSON.stringify(answers);
  return last !== null && last.answers === text ? last : { answers: text, key: make() };
}

/** `nextSubmission` remembered for as long as the form is open: gives each submission's key. */
export function useSubmissionKeys(): (answers: unknown) => string {
  const last = useRef<LastSubmission | null>(null);
  return (answers) => {
    last.current = nextSubmission(last.current, answers);
    return last.current.key;
  };
}
