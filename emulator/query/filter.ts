import { WixError } from '../http/wix-error.js';
import { compareValues, plain, valuesAt } from './field-values.js';

export type Filter = Record<string, unknown>;

/**
 * Evaluates a Wix query filter: `{field: value}` (eq), `{field: {$op: value}}`, `$and`, `$or`, `$not`.
 * An operator the emulator does not know is a 400 naming it, never a silent match.
 */
export function matchesFilter(document: unknown, filter: Filter | undefined | null): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return asFilters(key, condition).every((f) => matchesFilter(document, f));
    if (key === '$or') return asFilters(key, condition).some((f) => matchesFilter(document, f));
    if (key === '$not') return !matchesFilter(document, condition as Filter);
    return matchesField(valuesAt(document, key), condition);
  });
}

function matchesField(values: unknown[], condition: unknown): boolean {
  if (!isOperatorObject(condition)) return equalsAny(values, condition);
  return Object.entries(condition).every(([operator, operand]) => applyOperator(operator, values, operand));
}

function applyOperator(operator: string, values: unknown[], operand: unknown): boolean {
  switch (operator) {
    case '$eq': return equalsAny(values, operand);
    case '$ne': return !equalsAny(values, operand);
    case '$in': return asArray(operator, operand).some((option) => equalsAny(values, option));
    case '$nin': return !asArray(operator, operand).some((option) => equalsAny(values, option));
    case '$hasSome': return asArray(operator, operand).some((option) => equalsAny(values, option));
    case '$hasAll': return asArray(operator, operand).every((option) => equalsAny(values, option));
    case '$gt': return values.some((v) => v != null && compareValues(v, operand) > 0);
    case '$gte': return values.some((v) => v != null && compareValues(v, operand) >= 0);
    case '$lt': return values.some((v) => v != null && compareValues(v, operand) < 0);
    case '$lte': return values.some((v) => v != null && compareValues(v, operand) <= 0);
    case '$exists': return values.some((v) => v !== undefined && v !== null) === Boolean(operand);
    case '$isEmpty': return (values.filter((v) => v != null && v !== '').length === 0) === Boolean(operand);
    case '$startsWith': return textMatch(values, operand, (t, o) => t.startsWith(o));
    case '$endsWith': return textMatch(values, operand, (t, o) => t.endsWith(o));
    case '$contains': return textMatch(values, operand, (t, o) => t.includes(o));
    default:
      throw new WixError(400, 'UNSUPPORTED_FILTER', `Filter operator ${operator} is not supported by the emulator`, {
        operator,
      });
  }
}

function equalsAny(values: unknown[], operand: unknown): boolean {
  const wanted = plain(operand);
  if (wanted === null || wanted === undefined) return values.length === 0 || values.some((v) => v == null);
  return values.some((v) => v === wanted);
}

function textMatch(values: unknown[], operand: unknown, test: (text: string, op: string) => boolean): boolean {
  const op = String(operand).toLowerCase();
  return values.some((v) => typeof v === 'string' && test(v.toLowerCase(), op));
}

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) &&
  Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$')) && !('$date' in value);

function asArray(operator: string, operand: unknown): unknown[] {
  if (!Array.isArray(operand)) throw new WixError(400, 'MALFORMED_FILTER', `${operator} needs an array`);
  return operand;
}

function asFilters(operator: string, operand: unknown): Filter[] {
  return asArray(operator, operand) as Filter[];
}
