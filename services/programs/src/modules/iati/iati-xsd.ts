import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** A problem found in an IATI file, at its line (0 when the whole file is concerned). */
export interface FileProblem {
  line: number;
  message: string;
}

/** `line N: message`, the form every refusal of a file takes. */
export const formatProblem = (p: FileProblem) => `line ${p.line}: ${p.message}`;

const SCHEMA_FILE = "iati-activities-schema.xsd";

function repositoryRoot(from: string): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, "package-lock.json"))) return dir;
  return null;
}

/**
 * Where the official IATI 2.03 schema files are (they are not copied into the
 * repository): `IATI_SCHEMA_DIR`, else `../shared/iati` beside the repository,
 * else `/work/shared/iati`. Null when none holds the activity schema.
 */
export function iatiSchemaDir(env: Record<string, string | undefined> = process.env): string | null {
  const root = repositoryRoot(__dirname);
  const candidates = [env.IATI_SCHEMA_DIR, root && resolve(root, "..", "shared", "iati"), "/work/shared/iati"];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, SCHEMA_FILE))) ?? null;
}

/**
 * Validates an IATI activities document against the official XSD with
 * libxml2's xmllint (Debian: libxml2-utils). Returns every problem xmllint
 * reports, with its line; malformed XML is reported the same way.
 */
export function validateWithXsd(xml: string, schemaDir: string): FileProblem[] {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", join(schemaDir, SCHEMA_FILE), "-"], {
    input: xml,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`xmllint could not be run (install libxml2-utils): ${run.error.message}`);
  if (run.status === 0) return [];
  const problems: FileProblem[] = [];
  for (const line of run.stderr.split("\n")) {
    // "-:12: element foo: Schemas validity error : Element 'foo': …" or "-:5: parser error : …"
    const match = /^-:(\d+): (.*)$/.exec(line);
    if (match) problems.push({ line: Number(match[1]), message: match[2].replace(/^element [^:]+: /, "").trim() });
  }
  if (problems.length === 0) problems.push({ line: 0, message: run.stderr.trim() || `xmllint exited with status ${run.status}` });
  return problems;
}
