"use strict";
/**
 * The benchmark's fixed mix: real portal operations as named GraphQL
 * documents, and the variables each request sends. Variables vary from
 * request to request the way a portal's traffic does: one hot value (the
 * page everybody opens: the unfiltered catalogue, Sri Lanka's country page,
 * Perpusnas's page…) in about a fifth of the requests, the rest spread over
 * many values from the data set. So some requests in flight at the same time
 * are identical (what deduplication saves) but most are not; `identicalShare`
 * measures how many.
 */
const { prng } = require("./dataset");

const OPERATIONS = [
  {
    name: "CataloguePage",
    title: "catalogue page: 50 programmes, filtered and sorted, with lead institution and partners (3 subgraphs)",
    auth: "public",
    query: /* GraphQL */ `query CataloguePage($filter: ProgramFilter, $order: ProgramOrder, $lang: Language! = EN) {
  programs(first: 50, filter: $filter, orderBy: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id
      code
      title(lang: $lang)
      modality
      status
      sdgGoals
      leadInstitution { id name(lang: $lang) acronym country { code name(lang: $lang) } }
      partnerships(first: 5) { nodes { role partner { id name(lang: $lang) acronym } } }
    }
  }
}`,
    variables: (rand, data) => {
      const lang = rand() < 0.7 ? "EN" : "ID";
      if (rand() < 0.2) return { lang, order: { field: "TITLE", direction: "ASC" } };
      const filters = [
        () => ({ sdgGoal: 1 + Math.floor(rand() * 17) }),
        () => ({ modality: ["SOUTH_SOUTH", "TRIANGULAR", "BILATERAL"][Math.floor(rand() * 3)] }),
        () => ({ status: ["IMPLEMENTATION", "CLOSED", "PIPELINE"][Math.floor(rand() * 3)] }),
        () => ({ countryCode: data.countries[Math.floor(rand() * data.countries.length)], countryInvolvement: "PARTICIPATING" }),
        () => ({ year: 2015 + Math.floor(rand() * 11) }),
      ];
      const orders = [
        { field: "TITLE", direction: "ASC" },
        { field: "START_DATE", direction: "DESC" },
        { field: "CODE", direction: "ASC" },
      ];
      return { lang, filter: filters[Math.floor(rand() * filters.length)](), order: orders[Math.floor(rand() * orders.length)] };
    },
  },
  {
    name: "ProgramPage",
    title: "programme page: programme, partners, last 10 editions with activities and commitments (3 subgraphs)",
    auth: "public",
    query: /* GraphQL */ `query ProgramPage($code: String!, $lang: Language! = EN) {
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
      nodes { role partner { id name(lang: $lang) acronym kind homeCountry { name(lang: $lang) } } }
    }
    editions(first: 10) {
      totalCount
      nodes {
        id
        title(lang: $lang)
        status
        plannedStartDate
        plannedEndDate
        venue(lang: $lang)
        venueCountry { code name(lang: $lang) }
        hostInstitution { id name(lang: $lang) acronym }
        invitedCountries { code name(lang: $lang) }
        activities(first: 20) { nodes { kind title(lang: $lang) date } }
        commitments(first: 20) { nodes { description(lang: $lang) followUpStatus country { name(lang: $lang) } } }
      }
    }
  }
}`,
    variables: (rand, data) => ({
      code: rand() < 0.2 ? "TPBIS-CP" : data.programCodes[Math.floor(rand() * data.programCodes.length)],
      lang: rand() < 0.7 ? "EN" : "ID",
    }),
  },
  {
    name: "CountryPage",
    title: "country page with cooperation statistics, institutions and programmes (2 subgraphs)",
    auth: "public",
    query: /* GraphQL */ `query CountryPage($code: String!, $lang: Language! = EN) {
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
    nodes {
      code
      title(lang: $lang)
      modality
      leadInstitution { acronym country { code } }
      editions(first: 5) { nodes { title(lang: $lang) plannedStartDate venueCountry { name(lang: $lang) } } }
    }
  }
}`,
    variables: (rand, data) => ({ code: rand() < 0.2 ? "LK" : data.countries[Math.floor(rand() * data.countries.length)], lang: rand() < 0.7 ? "EN" : "ID" }),
  },
  {
    name: "InstitutionPage",
    title: "institution page: units, programmes led, editions hosted, statistics (3 subgraphs)",
    auth: "public",
    query: /* GraphQL */ `query InstitutionPage($id: ID!, $lang: Language! = EN) {
  institution(id: $id) {
    id
    name(lang: $lang)
    acronym
    type
    website
    country { code name(lang: $lang) }
    area { name(lang: $lang) level }
    parent { id name(lang: $lang) }
    units(first: 20) { totalCount nodes { id name(lang: $lang) acronym } }
    partner { id name(lang: $lang) kind }
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
    variables: (rand, data) => ({
      id: rand() < 0.2 ? data.institutionIds[0] : data.institutionIds[Math.floor(rand() * data.institutionIds.length)],
      lang: rand() < 0.7 ? "EN" : "ID",
    }),
  },
  {
    name: "DashboardStatistics",
    title: "dashboard statistics with breakdowns by country, gender, role, year, SDG goal, modality (2 subgraphs)",
    auth: "public",
    query: /* GraphQL */ `query DashboardStatistics($filter: StatisticsFilter) {
  statistics(filter: $filter) {
    programCount
    editionCount
    participationCount
    personCount
    participantsByCountry { key count country { name } }
    participantsByGender { key count }
    participantsByRole { key count }
    participantsByYear { key count }
    programsBySdgGoal { key count }
    editionsByModality { key count }
    editionsByHostCountry { key count }
  }
}`,
    variables: (rand, data) => {
      const r = rand();
      if (r < 0.25) return {};
      if (r < 0.6) return { filter: { yearFrom: 2015 + Math.floor(rand() * 11) } };
      if (r < 0.85) return { filter: { countryCode: data.countries[Math.floor(rand() * data.countries.length)] } };
      const year = 2015 + Math.floor(rand() * 11);
      return { filter: { yearFrom: year, yearTo: year, participationRoles: ["PARTICIPANT"] } };
    },
  },
  {
    name: "Search",
    title: "search: programmes by words in English or Bahasa Indonesia, 20 results with lead institution (2 subgraphs)",
    auth: "public",
    query: /* GraphQL */ `query Search($search: String!, $lang: Language! = EN) {
  programs(first: 20, filter: { search: $search }) {
    totalCount
    nodes { code title(lang: $lang) theme(lang: $lang) status leadInstitution { name(lang: $lang) acronym } }
  }
}`,
    variables: (rand, data) => {
      const word = rand() < 0.2 ? data.searchWords[0] : data.searchWords[Math.floor(rand() * data.searchWords.length)];
      // Portal users also type codes and partial words.
      const r = rand();
      const search = r < 0.2 ? `BX-${String(Math.floor(rand() * 100)).padStart(3, "0")}` : r < 0.35 ? word.slice(0, 5) : word;
      return { search, lang: rand() < 0.5 ? "EN" : "ID" };
    },
  },
  {
    name: "EditionParticipants",
    title: "an edition with its 100 participants, as a partner (authenticated; 3 subgraphs)",
    auth: "partner",
    query: /* GraphQL */ `query EditionParticipants($id: ID!, $lang: Language! = EN) {
  edition(id: $id) {
    id
    title(lang: $lang)
    status
    plannedStartDate
    program { code title(lang: $lang) leadInstitution { name(lang: $lang) } }
    hostInstitution { name(lang: $lang) country { code name(lang: $lang) } }
    participations(first: 100) {
      totalCount
      nodes {
        role
        status
        person { id fullName }
        country { code name(lang: $lang) colomboPlanMember }
        institution { id name(lang: $lang) type }
      }
    }
  }
}`,
    // Ten editions have exactly 100 participants each; the first is the hot one.
    variables: (rand, data) => ({
      id: rand() < 0.2 ? data.editions100[0] : data.editions100[Math.floor(rand() * data.editions100.length)],
      lang: rand() < 0.7 ? "EN" : "ID",
    }),
  },
];

/**
 * The bodies one operation sends, in order: `count` requests drawn with a
 * PRNG seeded by the operation's name (the same sequence every run).
 */
function requestBodies(operation, data, count = 1000, seed = 7) {
  let h = seed;
  for (const c of operation.name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const rand = prng(h);
  return Array.from({ length: count }, () =>
    JSON.stringify({ operationName: operation.name, query: operation.query, variables: operation.variables(rand, data) }),
  );
}

/**
 * The share of requests identical to one of the `window` requests sent just
 * before them (with `window` connections, about the requests in flight at
 * the same moment): what in-flight deduplication could save at most.
 */
function identicalShare(bodies, window = 16) {
  if (bodies.length === 0) return 0;
  let identical = 0;
  for (let i = 0; i < bodies.length; i++) {
    for (let j = Math.max(0, i - window + 1); j < i; j++) {
      if (bodies[j] === bodies[i]) {
        identical++;
        break;
      }
    }
  }
  return identical / bodies.length;
}

module.exports = { OPERATIONS, requestBodies, identicalShare };
