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
    name: "ProgramPage",
    query: /* GraphQL */ `# A programme page as the public portal shows it: the programme, its partners,
# and its last ten editions with their activities and commitments.
query ProgramPage($code: String! = "TPBIS-CP", $lang: Language! = EN) {
  programByCode(code: $code) {
    id
    code
    title(lang: $lang)
    summary(lang: $lang)
    theme(lang: $lang)
    modality
    status
    sdgGoals
    sdgTargets
    parentProgram { code title(lang: $lang) }
    leadInstitution { id name(lang: $lang) acronym country { code name(lang: $lang) } }
    subprograms(first: 10) { totalCount nodes { code title(lang: $lang) } }
    partnerships(first: 20) {
      totalCount
      nodes { role contribution(lang: $lang) partner { id name(lang: $lang) acronym kind homeCountry { name(lang: $lang) } } }
    }
    editions(first: 10) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        title(lang: $lang)
        status
        plannedStartDate
        plannedEndDate
        actualStartDate
        actualEndDate
        venue(lang: $lang)
        venueCountry { code name(lang: $lang) }
        hostInstitution { id name(lang: $lang) acronym }
        invitedCountries { code name(lang: $lang) }
        activities(first: 20) { totalCount nodes { kind title(lang: $lang) date site { name(lang: $lang) } } }
        commitments(first: 20) { totalCount nodes { description(lang: $lang) dueDate followUpStatus country { name(lang: $lang) } } }
      }
    }
  }
}`,
  },
  {
    name: "CountryPage",
    query: /* GraphQL */ `# A country page: the country and its cooperation in numbers, its institutions,
# and the programmes it took part in, newest first.
query CountryPage($code: String! = "LK", $lang: Language! = EN) {
  country(code: $code) {
    code
    alpha3
    name(lang: $lang)
    region
    colomboPlanMember
    colomboPlanJoinedYear
    cooperationStats { participations participantsSent editionsAttended programsAttended editionsHosted programsHosted }
    institutions(first: 20) { totalCount nodes { id name(lang: $lang) acronym type } }
  }
  programs(first: 10, filter: { countryCode: $code, countryInvolvement: PARTICIPATING }, orderBy: { field: START_DATE, direction: DESC }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      code
      title(lang: $lang)
      modality
      sdgGoals
      leadInstitution { acronym country { code } }
      editions(first: 5) { nodes { title(lang: $lang) plannedStartDate venueCountry { name(lang: $lang) } } }
    }
  }
}`,
  },
  {
    name: "InstitutionPage",
    query: /* GraphQL */ `# An institution page: Perpusnas, its units, what it leads and hosts, in numbers and in lists.
query InstitutionPage($id: ID! = "00000000-0000-4000-8000-000100000001", $lang: Language! = ID) {
  institution(id: $id) {
    id
    name(lang: $lang)
    acronym
    type
    website
    iatiOrganisationType
    country { code name(lang: $lang) }
    area { name(lang: $lang) level }
    parent { id name(lang: $lang) }
    units(first: 20) { totalCount nodes { id name(lang: $lang) acronym } }
    cooperationStats { programsLed editionsHosted participations editionsAttended programsAttended }
    ledPrograms(first: 20) {
      totalCount
      nodes { code title(lang: $lang) modality partnerships(first: 10) { nodes { role partner { acronym } } } }
    }
    hostedEditions(first: 20) {
      totalCount
      nodes { id title(lang: $lang) plannedStartDate plannedEndDate program { code } venueCountry { name(lang: $lang) } }
    }
  }
}`,
  },
  {
    name: "PartnerPage",
    query: /* GraphQL */ `# A partner page: the Ministry of Foreign Affairs, the programmes it takes part in
# with their recent editions, and its agreements with the other parties to them.
query PartnerPage($id: ID! = "00000000-0000-4000-8000-000600000002", $lang: Language! = EN) {
  partner(id: $id) {
    id
    name(lang: $lang)
    acronym
    kind
    parent { name(lang: $lang) acronym }
    homeCountry { code name(lang: $lang) }
    institution { id name(lang: $lang) country { name(lang: $lang) } }
    partnerships(first: 20) {
      totalCount
      nodes {
        role
        contribution(lang: $lang)
        program {
          code
          title(lang: $lang)
          modality
          leadInstitution { acronym }
          editions(first: 5) { nodes { title(lang: $lang) plannedStartDate venueCountry { name(lang: $lang) } } }
        }
      }
    }
    agreementParties(first: 20) {
      totalCount
      nodes { role agreement { title(lang: $lang) kind signedOn expiresOn parties(first: 10) { nodes { role partner { name(lang: $lang) acronym } } } } }
    }
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
