// Where a record the app computes from the v2 image differs from the one a discarded API answers.

export interface RecordDifference {
  /** A JSON path: `metadata.__platform`, `links[0].href`, `["OS-EXT-IMG-SIZE:size"]`. */
  path: string;
  /** `undefined` when the computed record lacks what the live one has. */
  computed: unknown;
  /** `undefined` when the live record lacks what the computed one has. */
  live: unknown;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function memberPath(parent: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Keys in the computed record's order, then the live record's own: the order a reader compares in. */
function unionOfKeys(computed: JsonObject, live: JsonObject): string[] {
  return [...new Set([...Object.keys(computed), ...Object.keys(live)])];
}

function collect(computed: unknown, live: unknown, path: string, differences: RecordDifference[]): void {
  if (isObject(computed) && isObject(live)) {
    for (const key of unionOfKeys(computed, live)) {
      collect(computed[key], live[key], memberPath(path, key), differences);
    }
  } else if (Array.isArray(computed) && Array.isArray(live)) {
    for (let index = 0; index < Math.max(computed.length, live.length); index += 1) {
      // An element past the end of one array is missing from it, as an absent key is.
      collect(computed[index], live[index], `${path}[${index}]`, differences);
    }
  } else if (!Object.is(computed, live)) {
    differences.push({ path, computed, live });
  }
}

/**
 * Every place two JSON records differ, by path. Key order does not matter, array order does; a key whose
 * value is `undefined` counts as absent (as in JSON). A subtree present on one side only, or of another
 * type on each side, is one difference at its root rather than one per leaf.
 */
export function diffRecords(computed: unknown, live: unknown): RecordDifference[] {
  const differences: RecordDifference[] = [];
  collect(computed, live, '', differences);
  return differences;
}
