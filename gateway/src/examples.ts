/**
 * Example operations preloaded in GraphiQL (one tab each) and quoted in the
 * README. Each crosses the three subgraphs; the tests run them too, so they
 * stay valid.
 */
export const EXAMPLE_OPERATIONS: Array<{ name: string; query: string; variables?: Record<string, unknown> }> = [
  {
    name: "SeedStory",
    query: /* GraphQL */ `# The TPBIS 2023 story in one request: programme → edition → host institution → country,
# participants with their country and institution, activities with their site,
# and the partners with their roles.
query SeedStory($code: String! = "TPBIS-CP", $lang: Language! = EN) {
  programByCode(code: $code) {
    code
    title(lang: $lang)
    modality
    sdgGoals
    parentProgram { code title(lang: $lang) }
    leadInstitution { name(lang: $lang) acronym }
    partnerships {
      nodes {
        role
        contribution(lang: $lang)
        partner { name(lang: $lang) kind institution { name(lang: $lang) } }
      }
    }
    editions {
      nodes {
        title(lang: $lang)
        actualStartDate
        actualEndDate
        venue(lang: $lang)
        hostInstitution { name(lang: $lang) country { code name(lang: $lang) } }
        activities {
          nodes { kind title(lang: $lang) date site { name(lang: $lang) area { name(lang: $lang) } } }
        }
        participations(first: 50) {
          totalCount
          nodes {
            role
            country { code name(lang: $lang) colomboPlanMember }
            institution { name(lang: $lang) }
            area { name(lang: $lang) level }
          }
        }
      }
    }
  }
}`,
  },
  {
    name: "CountryPage",
    query: /* GraphQL */ `# A country page: the country, its institutions, and its cooperation in numbers.
query CountryPage($code: String! = "LK") {
  country(code: $code) {
    name
    alpha3
    colomboPlanMember
    cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted }
    participations(first: 10) {
      nodes { role edition { title program { code partnerships { nodes { partner { acronym } } } } } }
    }
  }
}`,
  },
  {
    name: "InstitutionPage",
    query: /* GraphQL */ `# An institution page: Perpusnas, what it leads and hosts, and where it is a partner.
query InstitutionPage($id: ID! = "00000000-0000-4000-8000-000100000001") {
  institution(id: $id) {
    name(lang: ID)
    acronym
    iatiOrganisationType
    country { name }
    programs { nodes { code title partnerships { nodes { role partner { name } } } } }
    hostedEditions { nodes { title plannedStartDate participations { totalCount } } }
  }
}`,
  },
  {
    name: "PartnersAndAgreements",
    query: /* GraphQL */ `# Diplomacy partners, the programmes they take part in, and their agreements.
query PartnersAndAgreements {
  partners(first: 10) {
    totalCount
    nodes {
      name
      kind
      parent { acronym }
      homeCountry { name }
      partnerships { nodes { role program { code title leadInstitution { acronym } } } }
      agreementParties { nodes { agreement { title kind } } }
    }
  }
}`,
  },
  {
    name: "FindPrograms",
    query: /* GraphQL */ `# The portal catalogue: programmes found by words in English or Bahasa Indonesia,
# narrowed by SDG goal and a country taking part, ordered by their first edition,
# with the partners that run them.
query FindPrograms($search: String = "perpustakaan", $lang: Language! = ID) {
  programs(
    first: 10
    filter: { search: $search, sdgGoal: 4, countryCode: "LK", countryInvolvement: PARTICIPATING }
    orderBy: { field: START_DATE, direction: DESC }
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      code
      title(lang: $lang)
      modality
      sdgTargets
      leadInstitution { name(lang: $lang) }
      partnerships { nodes { role partner { acronym } } }
      editions { nodes { plannedStartDate venueCountry { name(lang: $lang) } } }
    }
  }
}`,
  },
  {
    name: "Dashboard",
    query: /* GraphQL */ `# Dashboard figures, counted in the database, and an institution's summary.
query Dashboard($yearFrom: Int = 2023) {
  statistics(filter: { yearFrom: $yearFrom }) {
    programCount
    editionCount
    participationCount
    participantsByCountry { key count }
    participantsByGender { key count }
    participantsByYear { key count }
    programsBySdgGoal { key count }
    editionsByModality { key count }
  }
  institution(id: "00000000-0000-4000-8000-000100000001") {
    acronym
    cooperationStats { editionsHosted programsLed participations editionsAttended }
  }
}`,
  },
];
