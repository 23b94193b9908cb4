/**
 * One area of the configuration (Slack, VSPC, the store, …): its variables' documentation, their
 * zod parsers, and how the parsed values become the area's part of AppConfig. `src/config.ts` merges
 * the areas; a new area is a new file here and one line in its `AREAS`.
 */
import type { z } from 'zod';

export interface VarDoc {
  purpose: string;
  example: string;
  secret?: boolean;
}

/** What the caller is about to run decides which variables are required. */
export interface ConfigNeeds {
  slack?: boolean;
  vspc?: boolean;
}

/** Records a problem that needs several variables, or the caller's needs, to see. */
export type ReportProblem<Name extends string> = (variable: Name, problem: string) => void;

export interface ConfigArea<
  Vars extends Record<string, VarDoc>,
  Schema extends { [Name in keyof Vars]: z.ZodType },
  Settings extends object,
> {
  /** Documentation of every variable of the area: used in error messages and checked against the README. */
  vars: Vars;
  /** One parser per variable, for exactly the variables of `vars`. */
  schema: Schema;
  /** The area's part of AppConfig. loadConfig throws every reported problem at once. */
  settings(
    values: { [Name in keyof Schema]: z.output<Schema[Name]> },
    needs: ConfigNeeds,
    report: ReportProblem<keyof Vars & string>,
  ): Settings;
}

/** Checks an area's parts against each other and keeps their exact types for the aggregate. */
export function defineArea<
  Vars extends Record<string, VarDoc>,
  Schema extends { [Name in keyof Vars]: z.ZodType },
  Settings extends object,
>(area: ConfigArea<Vars, Schema, Settings> & { schema: Record<Exclude<keyof Schema, keyof Vars>, never> }) {
  return area as ConfigArea<Vars, Schema, Settings>;
}
