import { Field, InputType, registerEnumType } from "type-graphql";
import { Language } from "./language";

/** Direction of a client-chosen list order. */
export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Direction of a list order.",
  valuesConfig: {
    ASC: { description: "Smallest, earliest or alphabetically first item first." },
    DESC: { description: "Largest, latest or alphabetically last item first." },
  },
});

/**
 * The fields every list-order input has: what to order by (one of the list's
 * own order-field enum, with its default), the direction, and the language
 * whose titles a TITLE order compares. A list's order input extends it:
 * `@InputType({ description }) class EditionOrder extends OrderInput(EditionOrderField, EditionOrderField.START_DATE) {}`.
 */
export function OrderInput<F extends string>(fieldEnum: Record<string, F>, defaultField: F) {
  // Never in the schema by itself: only the inputs that extend it are reachable.
  @InputType()
  abstract class Order {
    @Field(() => fieldEnum, { defaultValue: defaultField, description: "What to order by." })
    field: F;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Ascending or descending." })
    direction: SortDirection;

    @Field(() => Language, {
      defaultValue: Language.EN,
      description: "For TITLE: the language whose titles are compared (falling back to English where a translation is missing).",
    })
    lang: Language;
  }
  return Order;
}
