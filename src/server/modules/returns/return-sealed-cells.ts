import { z } from 'zod';
import { glotipCellKeySchema, glotipCellValueSchema } from '../../../shared/glotip-schemas.js';
import type { StoredCell } from './return-model.js';

// A sealed version's cells are parsed like any input crossing an edge: the JSON was written by
// Vigil, but a restored backup or a hand-edited database must fail loudly, not render garbage.
const sealedCellsSchema = z.array(
  z.strictObject({
    key: glotipCellKeySchema,
    value: glotipCellValueSchema,
    derivedValue: z.number().int().nullable(),
    recordCount: z.number().int().nullable(),
    overrideReason: z.string().nullable(),
    rawText: z.string().nullable(),
  }),
);

/** The cells of a sealed version from its canonical JSON. */
export function parseSealedCells(json: string): StoredCell[] {
  return sealedCellsSchema.parse(JSON.parse(json));
}
