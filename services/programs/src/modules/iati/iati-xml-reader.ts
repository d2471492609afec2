import { DOMParser, type Element } from "@xmldom/xmldom";
import {
  ACTIVITY_DATE_TYPE,
  ACTIVITY_STATUS,
  DESCRIPTION_TYPE,
  DOCUMENT_CATEGORY,
  INDICATOR_MEASURE,
  ORGANISATION_ROLE,
  ORGANISATION_TYPE,
  RELATED_ACTIVITY_TYPE,
  RESULT_TYPE,
  SDG_GOAL,
  SDG_GOAL_VOCABULARY,
  SDG_TARGET_VOCABULARY,
  type CodeList,
  type CodeListName,
  CODE_LISTS,
} from "./iati-codelists";
import { SSTC_NAMESPACE, type IatiActivity, type IatiOrg, type Narratives, type OrgRecord, type ParticipatingOrg } from "./iati-activity";
import type { FileProblem } from "./iati-xsd";
import { SDG_TARGET } from "../sdg/sdg-codes";

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** An activity read from a file, with the line it starts on. */
export interface ReadActivity {
  activity: IatiActivity;
  line: number;
}

/** The line an element starts on (xmldom records it on every node). */
export const lineOf = (node: { lineNumber?: number } | null | undefined) => node?.lineNumber ?? 0;

/**
 * Reads an `iati-activities` document into activities, checking what the XSD
 * cannot: every code against its IATI code list, SDG goals and targets,
 * recipient-country percentages, what the graph needs of an activity (an
 * English title, an edition's planned dates). Run after the XSD check: the
 * structure is then known to be valid, so only values are checked here.
 */
export function readIatiActivities(xml: string): { activities: ReadActivity[]; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const problem = (node: unknown, message: string) => problems.push({ line: lineOf(node as { lineNumber?: number }), message });
  const document = new DOMParser({
    onError: (level, message, context) => {
      if (level !== "warning") problems.push({ line: lineOf(context as { lineNumber?: number }), message: String(message).split("\n")[0] });
    },
  }).parseFromString(xml, "text/xml");
  const root = document.documentElement;
  if (!root || root.localName !== "iati-activities") {
    problems.push({ line: lineOf(root), message: "the document is not an iati-activities file" });
    return { activities: [], problems };
  }
  if (root.getAttribute("version") !== "2.03")
    problem(root, `version ${JSON.stringify(root.getAttribute("version"))} is not 2.03, the version this graph reads`);

  const code = (node: Element, attribute: string, list: CodeListName, codes: CodeList = CODE_LISTS[list]): string => {
    const value = node.getAttribute(attribute) ?? "";
    if (!(value in codes)) problem(node, `${node.localName}/@${attribute} ${JSON.stringify(value)} is not in the IATI ${list} code list`);
    return value;
  };

  const activities: ReadActivity[] = [];
  const seen = new Map<string, number>();
  for (const el of children(root, "iati-activity")) {
    const defaultLang = el.getAttributeNS(XML_NS, "lang") || root.getAttributeNS(XML_NS, "lang") || "en";
    const texts = (node: Element | undefined): Narratives | null => readNarratives(node, defaultLang);
    const identifierEl = children(el, "iati-identifier")[0];
    const identifier = identifierEl?.textContent?.trim() ?? "";
    if (seen.has(identifier)) problem(identifierEl, `iati-identifier ${identifier} is already used by the activity on line ${seen.get(identifier)}`);
    seen.set(identifier, lineOf(el));

    const hierarchy = Number(el.getAttribute("hierarchy") || "1");
    if (hierarchy !== 1 && hierarchy !== 2) problem(el, `hierarchy ${hierarchy}: the graph reads programmes (1) and their editions (2)`);

    const org = (node: Element): IatiOrg => {
      const type = node.getAttribute("type") ?? "";
      if (type) code(node, "type", "OrganisationType", ORGANISATION_TYPE);
      const ref = node.getAttribute("ref") ?? "";
      if (!ref) problem(node, `${node.localName} has no ref: the graph matches organisations by their IATI identifier`);
      return { ref, type, name: texts(node) ?? { en: ref, id: null }, sstc: orgRecord(node) };
    };
    const reportingEl = children(el, "reporting-org")[0];
    const title = texts(children(el, "title")[0]);
    if (!title?.en) problem(children(el, "title")[0] ?? el, "the activity has no title in English (or in its default language)");
    const descriptionEl = children(el, "description").find((d) => (d.getAttribute("type") || "1") === "1");
    for (const d of children(el, "description")) if (d.getAttribute("type")) code(d, "type", "DescriptionType", DESCRIPTION_TYPE);

    const participatingOrgs: ParticipatingOrg[] = children(el, "participating-org").map((p) => ({
      ...org(p),
      role: code(p, "role", "OrganisationRole", ORGANISATION_ROLE),
    }));
    const statusEl = children(el, "activity-status")[0];
    const status = statusEl ? code(statusEl, "code", "ActivityStatus", ACTIVITY_STATUS) : "";
    if (!statusEl) problem(el, "the activity has no activity-status");
    const dates = children(el, "activity-date").map((d) => ({
      type: code(d, "type", "ActivityDateType", ACTIVITY_DATE_TYPE),
      isoDate: d.getAttribute("iso-date") ?? "",
    }));
    if (hierarchy === 2) {
      for (const [type, name] of [
        ["1", "planned start"],
        ["3", "planned end"],
      ])
        if (!dates.some((d) => d.type === type)) problem(el, `an edition (hierarchy 2) needs its ${name} date (activity-date type ${type})`);
    }

    const countryEls = children(el, "recipient-country");
    const recipientCountries = countryEls.map((c) => {
      const country = (c.getAttribute("code") ?? "").toUpperCase();
      if (!/^[A-Z]{2}$/.test(country)) problem(c, `recipient-country/@code ${JSON.stringify(c.getAttribute("code"))} is not an ISO 3166-1 alpha-2 code`);
      return { code: country, percentage: Number(c.getAttribute("percentage") ?? "100") };
    });
    const total = recipientCountries.reduce((sum, c) => sum + c.percentage, 0);
    if (countryEls.length > 1 && Math.abs(total - 100) > 0.01) problem(countryEls[0], `recipient-country percentages add up to ${total}, not 100`);

    const tags: IatiActivity["tags"] = [];
    const sdgCode = (node: Element, vocabulary: string) => {
      const value = node.getAttribute("code") ?? "";
      if (vocabulary === SDG_GOAL_VOCABULARY && !(value in SDG_GOAL))
        problem(node, `${node.localName}/@code ${JSON.stringify(value)} is not an SDG goal (1–17)`);
      else if (vocabulary === SDG_TARGET_VOCABULARY && !SDG_TARGET.test(value))
        problem(node, `${node.localName}/@code ${JSON.stringify(value)} is not an SDG target such as 4.6`);
      tags.push({ vocabulary, code: value });
    };
    // Tag vocabularies 2 and 3 and sector vocabularies 7 and 8 both say SDG goal and target; other vocabularies are not read.
    for (const t of children(el, "tag"))
      if ([SDG_GOAL_VOCABULARY, SDG_TARGET_VOCABULARY].includes(t.getAttribute("vocabulary") ?? "")) sdgCode(t, t.getAttribute("vocabulary")!);
    for (const s of children(el, "sector")) {
      const vocabulary = { "7": SDG_GOAL_VOCABULARY, "8": SDG_TARGET_VOCABULARY }[s.getAttribute("vocabulary") ?? ""];
      if (vocabulary) sdgCode(s, vocabulary);
    }

    const documentLinks = children(el, "document-link").map((d) => ({
      url: d.getAttribute("url") ?? "",
      format: d.getAttribute("format") ?? "",
      title: texts(children(d, "title")[0])?.en ?? "",
      category: children(d, "category").map((c) => code(c, "code", "DocumentCategory", DOCUMENT_CATEGORY))[0] ?? "",
      language: children(d, "language")[0]?.getAttribute("code") ?? null,
      date: children(d, "document-date")[0]?.getAttribute("iso-date") ?? null,
    }));
    const related = children(el, "related-activity").map((r) => ({
      ref: r.getAttribute("ref") ?? "",
      type: code(r, "type", "RelatedActivityType", RELATED_ACTIVITY_TYPE),
    }));
    const results = children(el, "result").map((r) => {
      const indicator = children(r, "indicator")[0];
      const commitment = sstcChildren(r, "commitment")[0];
      return {
        type: code(r, "type", "ResultType", RESULT_TYPE),
        title: texts(children(r, "title")[0]) ?? { en: "", id: null },
        indicator: {
          measure: indicator ? code(indicator, "measure", "IndicatorMeasure", INDICATOR_MEASURE) : "",
          title: texts(children(indicator, "title")[0]) ?? { en: "", id: null },
        },
        sstc: commitment
          ? {
              country: commitment.getAttribute("country") || null,
              kind: commitment.getAttribute("kind") ?? "",
              party: commitment.getAttribute("party") ?? "",
              followUpStatus: commitment.getAttribute("follow-up-status") ?? "",
              institutionRef: commitment.getAttribute("institution-ref") || null,
            }
          : null,
      };
    });
    const contacts = children(el, "contact-info").map((c) => ({
      organisation: texts(children(c, "organisation")[0]),
      personName: texts(children(c, "person-name")[0])?.en ?? "",
      jobTitle: texts(children(c, "job-title")[0]),
    }));
    const record = sstcChildren(el, "record")[0];
    activities.push({
      line: lineOf(el),
      activity: {
        identifier,
        hierarchy,
        reportingOrg: reportingEl ? org(reportingEl) : { ref: "", type: "", name: { en: "", id: null }, sstc: null },
        title: title ?? { en: "", id: null },
        description: texts(descriptionEl),
        participatingOrgs,
        status,
        dates,
        contacts,
        recipientCountries,
        tags,
        documentLinks,
        related,
        results,
        sstc: record
          ? {
              kind: record.getAttribute("kind") === "edition" ? "edition" : "program",
              code: record.getAttribute("code") || null,
              modality: record.getAttribute("modality") || null,
              venueCountry: record.getAttribute("venue-country") || null,
              venue: record.getAttribute("venue-en") ? { en: record.getAttribute("venue-en")!, id: record.getAttribute("venue-id") || null } : null,
              published: record.getAttribute("published") !== "false",
            }
          : null,
      },
    });
  }
  return { activities, problems };
}

function children(parent: Element | undefined, name: string): Element[] {
  if (!parent) return [];
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name && !(n as Element).namespaceURI) out.push(n as Element);
  }
  return out;
}

function sstcChildren(parent: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === SSTC_NAMESPACE) out.push(n as Element);
  }
  return out;
}

/** English (or the default language) and Bahasa Indonesia narratives; other languages are not read. */
function readNarratives(node: Element | undefined, defaultLang: string): Narratives | null {
  if (!node) return null;
  let en: string | null = null;
  let id: string | null = null;
  let first: string | null = null;
  for (const n of children(node, "narrative")) {
    const text = (n.textContent ?? "").trim();
    const lang = (n.getAttributeNS(XML_NS, "lang") || defaultLang).toLowerCase();
    first ??= text;
    if (lang === "en" && en === null) en = text;
    else if (lang === "id" && id === null) id = text;
  }
  const main = en ?? (defaultLang === "id" ? id : first);
  return main ? { en: main, id: en === null && defaultLang === "id" ? null : id } : null;
}

function orgRecord(node: Element): OrgRecord | null {
  const el = sstcChildren(node, "organisation")[0];
  if (!el) return null;
  const attr = (name: string) => el.getAttribute(name) || null;
  return {
    record: attr("record") === "partner" ? "partner" : "institution",
    slug: attr("slug") ?? "",
    institutionType: attr("institution-type"),
    institutionSlug: attr("institution-slug"),
    partnerKind: attr("partner-kind"),
    country: attr("country"),
    partnershipRole: attr("partnership-role"),
  };
}
