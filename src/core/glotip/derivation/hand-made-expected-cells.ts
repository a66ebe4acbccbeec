// The expected return of the hand-made cases (derivation-fixtures.ts) under two counting
// policies, written out by hand, cell by cell (acceptance item 3). Each line is
// `dimension|category|sex|age: counted case ids` of a detected-victims cell, in questionnaire
// order; a cell's value is the number of ids on its line.

/** The non-empty lines of a table. */
export function table(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

// unodc_identified counts c01 c02 c03 c05 c08 c09 c10 c11 c13 c15: every actual victim whose
// registration day is in 2024 (c09 by its year), whoever decided; c03 is female, c10 male.
export const unodcIdentified = table(`
  total|total|total|total: c01 c02 c03 c05 c08 c09 c10 c11 c13 c15
  total|total|total|minor: c02 c05 c10 c13 c15
  total|total|total|adult: c01 c03 c08 c11
  total|total|total|unknown: c09
  total|total|female|total: c01 c03 c13 c15
  total|total|female|minor: c13 c15
  total|total|female|adult: c01 c03
  total|total|female|unknown:
  total|total|male|total: c02 c05 c08 c10
  total|total|male|minor: c02 c05 c10
  total|total|male|adult: c08
  total|total|male|unknown:
  total|total|other|total: c11
  total|total|other|minor:
  total|total|other|adult: c11
  total|total|other|unknown:
  total|total|unknown|total: c09
  total|total|unknown|minor:
  total|total|unknown|adult:
  total|total|unknown|unknown: c09
  exploitation|sexual|total|total: c01 c03 c13
  exploitation|sexual|total|minor: c13
  exploitation|sexual|total|adult: c01 c03
  exploitation|sexual|female|total: c01 c03 c13
  exploitation|sexual|female|minor: c13
  exploitation|sexual|female|adult: c01 c03
  exploitation|sexual_exploitation|total|total: c01 c13
  exploitation|sexual_exploitation|total|minor: c13
  exploitation|sexual_exploitation|total|adult: c01
  exploitation|sexual_exploitation|female|total: c01 c13
  exploitation|sexual_exploitation|female|minor: c13
  exploitation|sexual_exploitation|female|adult: c01
  exploitation|pornography|total|total: c03 c13
  exploitation|pornography|total|minor: c13
  exploitation|pornography|total|adult: c03
  exploitation|pornography|female|total: c03 c13
  exploitation|pornography|female|minor: c13
  exploitation|pornography|female|adult: c03
  exploitation|sexual_slavery|total|total: c13
  exploitation|sexual_slavery|total|minor: c13
  exploitation|sexual_slavery|female|total: c13
  exploitation|sexual_slavery|female|minor: c13
  exploitation|labour|total|total: c02 c15
  exploitation|labour|total|minor: c02 c15
  exploitation|labour|female|total: c15
  exploitation|labour|female|minor: c15
  exploitation|labour|male|total: c02
  exploitation|labour|male|minor: c02
  exploitation|forced_labour|total|total: c02 c15
  exploitation|forced_labour|total|minor: c02 c15
  exploitation|forced_labour|female|total: c15
  exploitation|forced_labour|female|minor: c15
  exploitation|forced_labour|male|total: c02
  exploitation|forced_labour|male|minor: c02
  exploitation|other|total|total: c05 c08 c09 c10 c15
  exploitation|other|total|minor: c05 c10 c15
  exploitation|other|total|adult: c08
  exploitation|other|total|unknown: c09
  exploitation|other|female|total: c15
  exploitation|other|female|minor: c15
  exploitation|other|male|total: c05 c08 c10
  exploitation|other|male|minor: c05 c10
  exploitation|other|male|adult: c08
  exploitation|other|unknown|total: c09
  exploitation|other|unknown|unknown: c09
  exploitation|forced_criminality|total|total: c10
  exploitation|forced_criminality|total|minor: c10
  exploitation|forced_criminality|male|total: c10
  exploitation|forced_criminality|male|minor: c10
  exploitation|begging|total|total: c09 c10
  exploitation|begging|total|minor: c10
  exploitation|begging|total|unknown: c09
  exploitation|begging|male|total: c10
  exploitation|begging|male|minor: c10
  exploitation|begging|unknown|total: c09
  exploitation|begging|unknown|unknown: c09
  exploitation|mixed_sexual_labour|total|total: c08
  exploitation|mixed_sexual_labour|total|adult: c08
  exploitation|mixed_sexual_labour|male|total: c08
  exploitation|mixed_sexual_labour|male|adult: c08
  exploitation|organ_removal|total|total: c15
  exploitation|organ_removal|total|minor: c15
  exploitation|organ_removal|female|total: c15
  exploitation|organ_removal|female|minor: c15
  exploitation|armed_combat|total|total: c05
  exploitation|armed_combat|total|minor: c05
  exploitation|armed_combat|male|total: c05
  exploitation|armed_combat|male|minor: c05
  exploitation|other_exploitation|total|total: c15
  exploitation|other_exploitation|total|minor: c15
  exploitation|other_exploitation|female|total: c15
  exploitation|other_exploitation|female|minor: c15
  citizenship|nationals|total|total: c01 c03 c10 c13
  citizenship|nationals|total|minor: c10 c13
  citizenship|nationals|total|adult: c01 c03
  citizenship|nationals|female|total: c01 c03 c13
  citizenship|nationals|female|minor: c13
  citizenship|nationals|female|adult: c01 c03
  citizenship|nationals|male|total: c10
  citizenship|nationals|male|minor: c10
  citizenship|BDI|total|total: c09
  citizenship|BDI|total|unknown: c09
  citizenship|BDI|unknown|total: c09
  citizenship|BDI|unknown|unknown: c09
  citizenship|RWA|total|total: c15
  citizenship|RWA|total|minor: c15
  citizenship|RWA|female|total: c15
  citizenship|RWA|female|minor: c15
  citizenship|SSD|total|total: c08
  citizenship|SSD|total|adult: c08
  citizenship|SSD|male|total: c08
  citizenship|SSD|male|adult: c08
  citizenship|UGA|total|total: c02 c11
  citizenship|UGA|total|minor: c02
  citizenship|UGA|total|adult: c11
  citizenship|UGA|male|total: c02
  citizenship|UGA|male|minor: c02
  citizenship|UGA|other|total: c11
  citizenship|UGA|other|adult: c11
  citizenship|unknown|total|total: c05
  citizenship|unknown|total|minor: c05
  citizenship|unknown|male|total: c05
  citizenship|unknown|male|minor: c05
  conflict|yes|total|total: c01 c05 c10 c13 c15
  conflict|yes|total|minor: c05 c10 c13 c15
  conflict|yes|total|adult: c01
  conflict|yes|female|total: c01 c13 c15
  conflict|yes|female|minor: c13 c15
  conflict|yes|female|adult: c01
  conflict|yes|male|total: c05 c10
  conflict|yes|male|minor: c05 c10
  conflict|no|total|total: c02 c08 c11
  conflict|no|total|minor: c02
  conflict|no|total|adult: c08 c11
  conflict|no|male|total: c02 c08
  conflict|no|male|minor: c02
  conflict|no|male|adult: c08
  conflict|no|other|total: c11
  conflict|no|other|adult: c11
  conflict|unknown|total|total: c03 c09
  conflict|unknown|total|adult: c03
  conflict|unknown|total|unknown: c09
  conflict|unknown|female|total: c03
  conflict|unknown|female|adult: c03
  conflict|unknown|unknown|total: c09
  conflict|unknown|unknown|unknown: c09
`);

// formal_only counts c01 c03 c07 c09 c10 c13 c15: actual victims decided by the police, a
// court or a government agency, in the 2024 register (c07 joins, c08 leaves); c02, c11 (NGO)
// and c05 (decision maker unrecorded) drop out; c03 and c10 are Other.
export const formalOnly = table(`
  total|total|total|total: c01 c03 c07 c09 c10 c13 c15
  total|total|total|minor: c10 c13 c15
  total|total|total|adult: c01 c03 c07
  total|total|total|unknown: c09
  total|total|female|total: c01 c07 c13 c15
  total|total|female|minor: c13 c15
  total|total|female|adult: c01 c07
  total|total|female|unknown:
  total|total|male|total:
  total|total|male|minor:
  total|total|male|adult:
  total|total|male|unknown:
  total|total|other|total: c03 c10
  total|total|other|minor: c10
  total|total|other|adult: c03
  total|total|other|unknown:
  total|total|unknown|total: c09
  total|total|unknown|minor:
  total|total|unknown|adult:
  total|total|unknown|unknown: c09
  exploitation|sexual|total|total: c01 c03 c07 c13
  exploitation|sexual|total|minor: c13
  exploitation|sexual|total|adult: c01 c03 c07
  exploitation|sexual|female|total: c01 c07 c13
  exploitation|sexual|female|minor: c13
  exploitation|sexual|female|adult: c01 c07
  exploitation|sexual|other|total: c03
  exploitation|sexual|other|adult: c03
  exploitation|sexual_exploitation|total|total: c01 c13
  exploitation|sexual_exploitation|total|minor: c13
  exploitation|sexual_exploitation|total|adult: c01
  exploitation|sexual_exploitation|female|total: c01 c13
  exploitation|sexual_exploitation|female|minor: c13
  exploitation|sexual_exploitation|female|adult: c01
  exploitation|pornography|total|total: c03 c13
  exploitation|pornography|total|minor: c13
  exploitation|pornography|total|adult: c03
  exploitation|pornography|female|total: c13
  exploitation|pornography|female|minor: c13
  exploitation|pornography|other|total: c03
  exploitation|pornography|other|adult: c03
  exploitation|sexual_slavery|total|total: c07 c13
  exploitation|sexual_slavery|total|minor: c13
  exploitation|sexual_slavery|total|adult: c07
  exploitation|sexual_slavery|female|total: c07 c13
  exploitation|sexual_slavery|female|minor: c13
  exploitation|sexual_slavery|female|adult: c07
  exploitation|labour|total|total: c15
  exploitation|labour|total|minor: c15
  exploitation|labour|female|total: c15
  exploitation|labour|female|minor: c15
  exploitation|forced_labour|total|total: c15
  exploitation|forced_labour|total|minor: c15
  exploitation|forced_labour|female|total: c15
  exploitation|forced_labour|female|minor: c15
  exploitation|other|total|total: c07 c09 c10 c15
  exploitation|other|total|minor: c10 c15
  exploitation|other|total|adult: c07
  exploitation|other|total|unknown: c09
  exploitation|other|female|total: c07 c15
  exploitation|other|female|minor: c15
  exploitation|other|female|adult: c07
  exploitation|other|other|total: c10
  exploitation|other|other|minor: c10
  exploitation|other|unknown|total: c09
  exploitation|other|unknown|unknown: c09
  exploitation|forced_criminality|total|total: c10
  exploitation|forced_criminality|total|minor: c10
  exploitation|forced_criminality|other|total: c10
  exploitation|forced_criminality|other|minor: c10
  exploitation|begging|total|total: c09 c10
  exploitation|begging|total|minor: c10
  exploitation|begging|total|unknown: c09
  exploitation|begging|other|total: c10
  exploitation|begging|other|minor: c10
  exploitation|begging|unknown|total: c09
  exploitation|begging|unknown|unknown: c09
  exploitation|forced_marriage|total|total: c07
  exploitation|forced_marriage|total|adult: c07
  exploitation|forced_marriage|female|total: c07
  exploitation|forced_marriage|female|adult: c07
  exploitation|organ_removal|total|total: c15
  exploitation|organ_removal|total|minor: c15
  exploitation|organ_removal|female|total: c15
  exploitation|organ_removal|female|minor: c15
  exploitation|other_exploitation|total|total: c15
  exploitation|other_exploitation|total|minor: c15
  exploitation|other_exploitation|female|total: c15
  exploitation|other_exploitation|female|minor: c15
  citizenship|nationals|total|total: c01 c03 c07 c10 c13
  citizenship|nationals|total|minor: c10 c13
  citizenship|nationals|total|adult: c01 c03 c07
  citizenship|nationals|female|total: c01 c07 c13
  citizenship|nationals|female|minor: c13
  citizenship|nationals|female|adult: c01 c07
  citizenship|nationals|other|total: c03 c10
  citizenship|nationals|other|minor: c10
  citizenship|nationals|other|adult: c03
  citizenship|BDI|total|total: c09
  citizenship|BDI|total|unknown: c09
  citizenship|BDI|unknown|total: c09
  citizenship|BDI|unknown|unknown: c09
  citizenship|RWA|total|total: c15
  citizenship|RWA|total|minor: c15
  citizenship|RWA|female|total: c15
  citizenship|RWA|female|minor: c15
  conflict|yes|total|total: c01 c07 c10 c13 c15
  conflict|yes|total|minor: c10 c13 c15
  conflict|yes|total|adult: c01 c07
  conflict|yes|female|total: c01 c07 c13 c15
  conflict|yes|female|minor: c13 c15
  conflict|yes|female|adult: c01 c07
  conflict|yes|other|total: c10
  conflict|yes|other|minor: c10
  conflict|unknown|total|total: c03 c09
  conflict|unknown|total|adult: c03
  conflict|unknown|total|unknown: c09
  conflict|unknown|other|total: c03
  conflict|unknown|other|adult: c03
  conflict|unknown|unknown|total: c09
  conflict|unknown|unknown|unknown: c09
`);
