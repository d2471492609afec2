import { registerEnumType } from "type-graphql";

export enum CooperationModality {
  SOUTH_SOUTH = "SOUTH_SOUTH",
  TRIANGULAR = "TRIANGULAR",
  BILATERAL = "BILATERAL",
}
registerEnumType(CooperationModality, {
  name: "CooperationModality",
  description: "How a programme is cooperated on.",
  valuesConfig: {
    SOUTH_SOUTH: { description: "Between developing countries." },
    TRIANGULAR: { description: "South-South cooperation supported by a third partner (a developed country or an international organisation)." },
    BILATERAL: { description: "Between two governments." },
  },
});

/** IATI ActivityStatus code list (https://iatistandard.org/en/iati-standard/203/codelists/activitystatus/). */
export enum ActivityStatus {
  PIPELINE = "PIPELINE",
  IMPLEMENTATION = "IMPLEMENTATION",
  FINALISATION = "FINALISATION",
  CLOSED = "CLOSED",
  CANCELLED = "CANCELLED",
  SUSPENDED = "SUSPENDED",
}
registerEnumType(ActivityStatus, {
  name: "ActivityStatus",
  description: "Status of a programme or edition, after the IATI ActivityStatus code list.",
  valuesConfig: {
    PIPELINE: { description: "IATI 1 — Pipeline/identification." },
    IMPLEMENTATION: { description: "IATI 2 — Implementation." },
    FINALISATION: { description: "IATI 3 — Finalisation: activity complete, follow-up continuing." },
    CLOSED: { description: "IATI 4 — Closed." },
    CANCELLED: { description: "IATI 5 — Cancelled." },
    SUSPENDED: { description: "IATI 6 — Suspended." },
  },
});

export const IATI_ACTIVITY_STATUS_CODE: Record<ActivityStatus, number> = {
  PIPELINE: 1,
  IMPLEMENTATION: 2,
  FINALISATION: 3,
  CLOSED: 4,
  CANCELLED: 5,
  SUSPENDED: 6,
};
