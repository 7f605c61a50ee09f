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
