/**
 * The library's clauses and variants that state current law and guidance (issue 14), as the review's rules
 * refer to them. Changing a clause id here without changing the file breaks the review's tests, not a user.
 */
export const CURRENT = {
  /** Choice point of the phone rule, and its variants inside the national "nee, tenzij" agreement. */
  phonesChoicePoint: 'phones-at-school',
  phoneAgreementVariants: ['agreement-whole-day', 'agreement-lessons'],
  /** Variants the agreement rules out for po, vo and so (a teacher permits or decides); mbo may keep them. */
  phoneRuledOutVariants: ['teacher-permits', 'teacher-decides'],
  phoneDefault: 'devices/apparaten-nee-tenzij-lessen',
  phoneExceptions: 'devices/uitzonderingen-apparaten',
  /** Image consent: the choice point, the per-purpose variant and the unlawful opt-out variant. */
  imageChoicePoint: 'image-consent',
  imagePerPurposeVariant: 'per-purpose',
  imageOptOutVariant: 'opt-out-yearly',
  imageDefault: 'all-users/beeld-toestemming-per-doel',
  /** The school's own accounts after the AP's advice of 13 June 2024. */
  accountsChoicePoint: 'school-accounts',
  accountsDefault: 'school-communication/eigen-kanalen',
  sexualImages: ['all-users/seksuele-beelden', 'reporting/beelden-in-omloop', 'all-users/deepfakes'],
  sexualImagesDefault: 'all-users/seksuele-beelden',
  groupApps: ['parents/klassenapp-ouders', 'staff-at-work/groepsapps-leerlingen'],
  groupAppsChoicePoint: 'class-group-apps',
  groupAppsDefault: 'parents/klassenapp-ouders',
  measuresDefault: 'measures-pupils/maatregelen-naar-ernst',
  reportingDefault: 'reporting/iedereen-meldt',
  mboPhoneDefault: 'devices/telefoon-docent-bepaalt',
} as const;

/** Sectors the national phone agreement covers (po and so from 2024-25, vo from 1 January 2024); not mbo. */
export const PHONE_AGREEMENT_SECTORS = new Set(['po', 'vo', 'so']);

/**
 * The variant a new school starts with at each choice point that current law or guidance settles (the wizard's
 * sector default), in order of preference: the phone agreement, consent per purpose, same phone rules on trips, and the
 * school's own channels instead of accounts on platforms (SIVON and Kennisnet, July 2024). Where a clause does not fit a
 * sector (mbo and the
 * phone agreement), the next one in the list is taken; where none fits, the variant most models chose.
 */
export const CURRENT_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
  // mbo is not covered by the agreement and keeps its own choice: the teacher decides (ROC TOP).
  'phones-at-school': [CURRENT.phoneDefault, CURRENT.mboPhoneDefault],
  'image-consent': [CURRENT.imageDefault],
  'phones-trips': ['devices/schoolreis-zelfde-afspraken', 'devices/schoolreis-eigen-afspraken'],
  'school-accounts': [CURRENT.accountsDefault],
};
