
/**
 * The verdict on `answers` for the edition `callId`, as JSON text of a {@link Verdict}: what
 * `welfare assess` prints.
 * @param callId an edition's id, e.g. "2016" (see {@link calls})
 * @param answers the visitor's answers, as an object or its JSON text; a field left out or null is unanswered
 * @param now "YYYY-MM-DDTHH:MM" in Italian time, or a Date; the current time when absent
 * @throws Error whose message names the input and field, e.g. `answers.members[2].kind: unknown kind "x" (…)`
 */
export function assess(callId: string, answers: Answers | string, now?: string | Date | null): string;

/**
 * The funded projects and the partners the widget suggests for `answers`, with their reasons, as JSON
 * text of {@link Matches}. `now` dates the verdict whose gaps the suggestions fill.
 * @throws Error whose message names the input and field
 */
export function matches(callId: string, answers: Answers | string, now?: string | Date | null): string;

/** The editions of the call, as JSON text of {@link Edition}[]. */
export function calls(): string;

/** Italian and English. */
export interface Text { it: string; en: string }

/** A wall-clock minute in Rome: "YYYY-MM-DDTHH:MM". */
export type RomeDateTime = string;

export type MemberKind =
  | "comune" | "municipal_consortium" | "ufficio_di_piano" | "health_agency" | "school" | "other_public"
  | "social_cooperative" | "cooperative_consortium" | "association" | "foundation" | "community_foundation"
  | "other_third_sector" | "company" | "trade_association" | "university" | "union" | "insurer"
  | "informal_group" | "citizen";

export type Need =
  | "poverty" | "employment" | "youth" | "housing" | "families" | "elderly" | "disability" | "mental_health"
  | "justice" | "company_welfare" | "migrants" | "social_ties";

export type Beneficiary =
  | "families" | "children" | "young_people" | "elderly" | "carers" | "people_with_disability"
  | "unemployed_adults" | "vulnerable_households" | "migrants" | "people_with_mental_illness" | "offenders"
  | "workers" | "whole_community";

export type CofinancingSource =
  | "own_resources" | "public_funds" | "donations" | "community_fundraising" | "companies" | "other_foundations";

/** One member of the network. Limits: names of at most 200 characters, province codes of 8. */
export interface Member {
  /** Stable within one set of answers; `lead` refers to it. */
  id?: number;
  name?: string;
  kind?: MemberKind | null;
  /** Province code, e.g. "LC". */
  province?: string | null;
  letter_of_intent?: boolean | null;
  /** The directory entry it is (an organisation's id, a municipality's ISTAT code): matching then
   * knows it whatever its name; each partner of `matches` carries its `key`. */
  directory?: string | null;
}

/** The visitor's answers: every field may be left out (unanswered). Unknown fields are an error. */
export interface Answers {
  territory?: { provinces?: string[]; municipalities?: string[] } | null;
  /** At most 100. */
  members?: Member[] | null;
  /** The `id` of the member who leads. */
  lead?: number | null;
  needs?: Need[] | null;
  beneficiaries?: Beneficiary[] | null;
  /** At most 4,000 characters. */
  description?: string | null;
  /** Whole euros. */
  money?: { total_cost?: number | null; requested_grant?: number | null; cofinancing?: CofinancingSource[] | null } | null;
  /** Merit self-assessment: [question id, answer 0..3]. */
  merit?: [string, number][] | null;
}

export type Status = "met" | "not_met" | "unanswered";

export type Remedy =
  | { add_members: { kinds: MemberKind[]; count: number } }
  | { change_lead: { kinds: MemberKind[] } }
  | { move_territory: { provinces: string[] } }
  | { money: { max_grant: number | null; min_cost: number | null } }
  | { collect_letters: { members: number[] } }
  | "await_next_edition";

export interface CriterionResult {
  id: string;
  name: Text;
  gating: boolean;
  status: Status;
  /** "assumed": the rule rests on an inference (the widget says "likely"). */
  confidence: "confirmed" | "assumed";
  explanation: Text;
  remedy: Remedy | null;
  remedy_text: Text | null;
  sources: string[];
  note: Text | null;
}

export interface MeritScore {
  id: string;
  name: Text;
  /** 0..100 */
  score: number;
  answered: boolean;
  assessed: boolean;
  drivers: Text[];
  advice: Text;
  boost_kinds: MemberKind[];
}

export interface Verdict {
  call_id: string;
  overall:
    | { kind: "admissible" }
    | { kind: "not_yet_admissible"; failing: string[]; changes: number }
    | { kind: "incomplete"; unanswered: string[] };
  headline: Text;
  /** The edition's deadline has passed. */
  closed: boolean;
  criteria: CriterionResult[];
  merit: MeritScore[];
}

export interface ProjectCard {
  id: string;
  name: string;
  edition_year: number;
  provinces: string[];
  verified: boolean;
  summary: Text;
  source: string | null;
  /** Why it was suggested, highest contribution first. */
  reasons: Text[];
  draft: Text | null;
}

export interface PartnerCard {
  /** Its directory key: as a member's `directory`, it is never suggested again. */
  key: string;
  name: string;
  kind: MemberKind;
  /** Its provinces. */
  places: string[];
  verified: boolean;
  source: string | null;
  /** Why it was suggested; one that fills a missing requirement says which, and comes first. */
  reasons: Text[];
  draft: Text | null;
}

export interface Matches { projects: ProjectCard[]; partners: PartnerCard[] }

export interface Edition {
  id: string;
  edition: Text;
  name: Text;
  opening: RomeDateTime | null;
  deadline: RomeDateTime;
}
