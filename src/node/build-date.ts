/**
 * The date a built file carries (a PDF's creation date, a .docx's core properties and zip entries), so that two
 * builds of one commit give byte-identical files (reproducible-builds.org): the protocol's adoption date, else
 * `SOURCE_DATE_EPOCH` (seconds; `scripts/build.ts` sets it to the commit's time), else the Unix epoch.
 *
 * @param adoptionDate ISO date `YYYY-MM-DD` of the version's adoption, if it was adopted.
 */
export function buildDate(adoptionDate: string | undefined): Date {
  if (adoptionDate) return new Date(`${adoptionDate}T00:00:00Z`);
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? new Date(epoch * 1000) : new Date(0);
}
