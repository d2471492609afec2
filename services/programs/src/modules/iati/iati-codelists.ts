/**
 * The IATI code lists the export writes and the import reads, embedded as
 * data: IATI publishes them apart from the schema (the XSD does not check
 * them), and the graph must not depend on the network to check a file.
 *
 * Source: IATI Standard 2.03 code lists, https://iatistandard.org/en/iati-standard/203/codelists/
 * (ActivityStatus, OrganisationRole, OrganisationType, ActivityDateType,
 * DocumentCategory, TagVocabulary, SectorVocabulary, RelatedActivityType,
 * ResultType, IndicatorMeasure, DescriptionType), as published for version
 * 2.03 (non-embedded lists as of 2024); SDG goals from the UN's 17
 * Sustainable Development Goals (TagVocabulary 2 "Sustainable Development
 * Goals (SDG)", 3 "Sustainable Development Goals (SDG) Targets").
 * Only the lists used are here; each is complete unless said otherwise.
 */
export type CodeList = Readonly<Record<string, string>>;

export const ACTIVITY_STATUS: CodeList = {
  "1": "Pipeline/identification",
  "2": "Implementation",
  "3": "Finalisation",
  "4": "Closed",
  "5": "Cancelled",
  "6": "Suspended",
};

export const ORGANISATION_ROLE: CodeList = { "1": "Funding", "2": "Accountable", "3": "Extending", "4": "Implementing" };

export const ORGANISATION_TYPE: CodeList = {
  "10": "Government",
  "11": "Local Government",
  "15": "Other Public Sector",
  "21": "International NGO",
  "22": "National NGO",
  "23": "Regional NGO",
  "24": "Partner Country based NGO",
  "30": "Public Private Partnership",
  "40": "Multilateral",
  "60": "Foundation",
  "70": "Private Sector",
  "71": "Private Sector in Provider Country",
  "72": "Private Sector in Aid Recipient Country",
  "73": "Private Sector in Third Country",
  "80": "Academic, Training and Research",
  "90": "Other",
};

export const ACTIVITY_DATE_TYPE: CodeList = { "1": "Planned start", "2": "Actual start", "3": "Planned End", "4": "Actual end" };

export const DESCRIPTION_TYPE: CodeList = { "1": "General", "2": "Objectives", "3": "Target Groups", "4": "Other" };

/** DocumentCategory, the activity-level (A) categories. */
export const DOCUMENT_CATEGORY: CodeList = {
  A01: "Pre- and post-project impact appraisal",
  A02: "Objectives / Purpose of activity",
  A03: "Intended ultimate beneficiaries",
  A04: "Conditions",
  A05: "Budget",
  A06: "Summary information about contract",
  A07: "Review of project performance and evaluation",
  A08: "Results, outcomes and outputs",
  A09: "Memorandum of understanding (If agreed by all parties)",
  A10: "Tender",
  A11: "Contract",
  A12: "Activity web page",
};

/** TagVocabulary. */
export const TAG_VOCABULARY: CodeList = {
  "1": "Agrovoc",
  "2": "UN Sustainable Development Goals (SDG)",
  "3": "UN Sustainable Development Goals (SDG) Targets",
  "4": "Team Europe Initiatives",
  "99": "Reporting Organisation",
};

/** SectorVocabulary (7 and 8 are the SDG goals and targets, the alternative to tags). */
export const SECTOR_VOCABULARY: CodeList = {
  "1": "OECD DAC CRS Purpose Codes (5 digit)",
  "2": "OECD DAC CRS Purpose Codes (3 digit)",
  "3": "Classification of the Functions of Government (UN)",
  "4": "Statistical classification of economic activities in the European Community",
  "5": "National Taxonomy for Exempt Entities (USA)",
  "6": "AidData",
  "7": "SDG Goal",
  "8": "SDG Target",
  "9": "SDG Indicator",
  "10": "Humanitarian Global Clusters (Inter-Agency Standing Committee)",
  "11": "North American Industry Classification System (NAICS)",
  "12": "UN System Function",
  "98": "Reporting Organisation 2",
  "99": "Reporting Organisation",
};

export const RELATED_ACTIVITY_TYPE: CodeList = { "1": "Parent", "2": "Child", "3": "Sibling", "4": "Co-funded", "5": "Third Party" };

export const RESULT_TYPE: CodeList = { "1": "Output", "2": "Outcome", "3": "Impact", "9": "Other" };

export const INDICATOR_MEASURE: CodeList = { "1": "Unit", "2": "Percentage", "3": "Nominal", "4": "Ordinal", "5": "Qualitative" };

/** The 17 Sustainable Development Goals (tag vocabulary 2, sector vocabulary 7). */
export const SDG_GOAL: CodeList = {
  "1": "No Poverty",
  "2": "Zero Hunger",
  "3": "Good Health and Well-being",
  "4": "Quality Education",
  "5": "Gender Equality",
  "6": "Clean Water and Sanitation",
  "7": "Affordable and Clean Energy",
  "8": "Decent Work and Economic Growth",
  "9": "Industry, Innovation and Infrastructure",
  "10": "Reduced Inequality",
  "11": "Sustainable Cities and Communities",
  "12": "Responsible Consumption and Production",
  "13": "Climate Action",
  "14": "Life Below Water",
  "15": "Life on Land",
  "16": "Peace, Justice and Strong Institutions",
  "17": "Partnerships for the Goals",
};

/** The code lists by the IATI name each is published under, for tests and messages. */
export const CODE_LISTS = {
  ActivityStatus: ACTIVITY_STATUS,
  OrganisationRole: ORGANISATION_ROLE,
  OrganisationType: ORGANISATION_TYPE,
  ActivityDateType: ACTIVITY_DATE_TYPE,
  DescriptionType: DESCRIPTION_TYPE,
  DocumentCategory: DOCUMENT_CATEGORY,
  TagVocabulary: TAG_VOCABULARY,
  SectorVocabulary: SECTOR_VOCABULARY,
  RelatedActivityType: RELATED_ACTIVITY_TYPE,
  ResultType: RESULT_TYPE,
  IndicatorMeasure: INDICATOR_MEASURE,
  SdgGoal: SDG_GOAL,
} as const;

export type CodeListName = keyof typeof CODE_LISTS;

/** Tag vocabularies of the SDG goals and targets. */
export const SDG_GOAL_VOCABULARY = "2";
export const SDG_TARGET_VOCABULARY = "3";
