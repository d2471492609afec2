import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { SSTC_NAMESPACE, SSTC_PREFIX, type IatiActivity, type IatiOrg, type Narratives, type OrgRecord } from "./iati-activity";

/** The IATI Activity Standard version the files follow. */
export const IATI_VERSION = "2.03";

const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** One `narrative` per language the text exists in; English is the activity's default language. */
function narratives(parent: XMLBuilder, text: Narratives): XMLBuilder {
  parent.ele("narrative").txt(text.en);
  if (text.id) parent.ele("narrative").att(XML_NS, "xml:lang", "id").txt(text.id);
  return parent;
}

function sstc(parent: XMLBuilder, name: string, attributes: Record<string, string | null | undefined | boolean>) {
  const element = parent.ele(SSTC_NAMESPACE, `${SSTC_PREFIX}:${name}`);
  for (const [key, value] of Object.entries(attributes)) if (value !== null && value !== undefined) element.att(key, String(value));
}

function orgRecord(parent: XMLBuilder, record: OrgRecord | null) {
  if (!record) return;
  sstc(parent, "organisation", {
    record: record.record,
    slug: record.slug,
    "institution-type": record.institutionType,
    "institution-slug": record.institutionSlug,
    "partner-kind": record.partnerKind,
    country: record.country,
    "partnership-role": record.partnershipRole,
  });
}

function org(parent: XMLBuilder, name: string, value: IatiOrg, attributes: Record<string, string>) {
  const element = parent.ele(name, { ref: value.ref, type: value.type, ...attributes });
  narratives(element, value.name);
  orgRecord(element, value.sstc);
}

/** Writes one `iati-activity`, its elements in the order the 2.03 schema requires. */
function activity(root: XMLBuilder, a: IatiActivity) {
  const el = root.ele("iati-activity").att(XML_NS, "xml:lang", "en").att("hierarchy", String(a.hierarchy));
  el.ele("iati-identifier").txt(a.identifier);
  org(el, "reporting-org", a.reportingOrg, {});
  narratives(el.ele("title"), a.title);
  if (a.description) narratives(el.ele("description", { type: "1" }), a.description);
  for (const p of a.participatingOrgs) {
    const element = el.ele("participating-org", { ref: p.ref, type: p.type, role: p.role });
    narratives(element, p.name);
    orgRecord(element, p.sstc);
  }
  el.ele("activity-status", { code: a.status });
  for (const d of a.dates) el.ele("activity-date", { type: d.type, "iso-date": d.isoDate });
  for (const c of a.contacts) {
    const contact = el.ele("contact-info", { type: "1" });
    if (c.organisation) narratives(contact.ele("organisation"), c.organisation);
    narratives(contact.ele("person-name"), { en: c.personName, id: null });
    if (c.jobTitle) narratives(contact.ele("job-title"), c.jobTitle);
  }
  for (const r of a.recipientCountries) el.ele("recipient-country", { code: r.code, percentage: String(r.percentage) });
  for (const t of a.tags) el.ele("tag", { vocabulary: t.vocabulary, code: t.code });
  for (const d of a.documentLinks) {
    const link = el.ele("document-link", { url: d.url, format: d.format });
    narratives(link.ele("title"), { en: d.title, id: null });
    link.ele("category", { code: d.category });
    if (d.language) link.ele("language", { code: d.language });
    if (d.date) link.ele("document-date", { "iso-date": d.date });
  }
  for (const r of a.related) el.ele("related-activity", { ref: r.ref, type: r.type });
  for (const r of a.results) {
    const result = el.ele("result", { type: r.type });
    narratives(result.ele("title"), r.title);
    const indicator = result.ele("indicator", { measure: r.indicator.measure });
    narratives(indicator.ele("title"), r.indicator.title);
    if (r.sstc) {
      sstc(result, "commitment", {
        country: r.sstc.country,
        kind: r.sstc.kind,
        party: r.sstc.party,
        "follow-up-status": r.sstc.followUpStatus,
        "institution-ref": r.sstc.institutionRef,
      });
    }
  }
  if (a.sstc) {
    sstc(el, "record", {
      kind: a.sstc.kind,
      code: a.sstc.code,
      modality: a.sstc.modality,
      "venue-country": a.sstc.venueCountry,
      "venue-en": a.sstc.venue?.en,
      "venue-id": a.sstc.venue?.id,
      published: a.sstc.published,
    });
  }
}

/** An `iati-activities` document (version 2.03) holding the activities, as text. */
export function writeIatiActivities(activities: IatiActivity[], generatedAt: Date = new Date()): string {
  const root = create({ version: "1.0", encoding: "UTF-8" })
    .ele("iati-activities", { version: IATI_VERSION, "generated-datetime": generatedAt.toISOString().replace(/\.\d{3}Z$/, "Z") })
    .att("http://www.w3.org/2000/xmlns/", `xmlns:${SSTC_PREFIX}`, SSTC_NAMESPACE);
  for (const a of activities) activity(root, a);
  return root.end({ prettyPrint: true });
}
