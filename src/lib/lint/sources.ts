/**
 * The sources the review's rules rest on, one line each: title, publisher, address and date.
 * Each was checked against the publisher's own page (see the report of issue 14 for the date seen);
 * `shared/LAW.md` keeps the facts. A rule's finding carries one of these as its `source`.
 */
export const SOURCES = {
  phoneAgreement:
    'Kamerbrief OCW over de "nee, tenzij"-afspraak over mobiele telefoons, 6 februari 2024, Kamerstuk 36410-VIII nr. 107 ' +
    '(openkamer.org/kamerstuk/36410-VIII/107): telefoons en andere persoonlijke apparaten zoals tablets en smartwatches ' +
    'niet in de klas, vo vanaf 1 januari 2024, po en gespecialiseerd onderwijs vanaf schooljaar 2024-2025; mbo valt er niet onder.',
  imageConsent:
    'Autoriteit Persoonsgegevens, "Beeldmateriaal in het onderwijs" (autoriteitpersoonsgegevens.nl): toestemming vooraf, ' +
    'ondubbelzinnig en per doel; onder 16 jaar de ouders, vanaf 16 jaar de leerling zelf; artikel 5 Uitvoeringswet AVG.',
  schoolAccounts:
    'Autoriteit Persoonsgegevens, "AP: onderwijs mag sociale media alleen inzetten met duidelijke afspraken", 13 juni 2024 ' +
    '(autoriteitpersoonsgegevens.nl); SIVON, "Advies aan scholen: heroverweeg gebruik van socialemediaplatforms", juli 2024 (sivon.nl).',
  sexualImages:
    'Openbaar Ministerie, Richtlijn voor strafvordering kinderpornografie (2024R006), in werking 1 juli 2024 (om.nl): ' +
    'met de Wet seksuele misdrijven is artikel 240b Sr artikel 252 Sr geworden; Kennisnet, leidraad "Wat doet u als school ' +
    'met de online verspreiding van ongewenste beelden?", 2021 (kennisnet.nl).',
  platforms:
    'shared/LAW.md: Hyves sloot op 2 december 2013; Twitter heet sinds juli 2023 X ("retweeten" is "reposten"); ' +
    'Yammer heet nu Viva Engage (Microsoft Learn).',
  contentReview: 'Inhoudelijke review van de bibliotheek, november 2026 (shared/reviews/content-review-2026-11.md).',
  groupApps:
    'Helpwanted.nl, "Wat kun je als school doen tegen de verspreiding van naaktbeelden?": maak helder beleid, bespreek ' +
    'daarin ook appgroepen (helpwanted.nl).',
  library: 'Protocolwijzer: de bepaling zelf (`requires`, `sectors`, verplichte waarden in de bibliotheek).',
} as const;
