/**
 * Which ClickHouse errors are a row's fault: the server refused a value of the insert (a bad
 * escape, an unparsable number or date, a type mismatch) and will refuse it again, while the
 * other rows of the insert are fine. Writers split such inserts to isolate the row
 * (`BatchWriter`'s `isolate`); every other error (network, too many parts, memory) is the
 * server's state and is retried whole.
 * @module
 */

/**
 * ClickHouse error codes for values the insert format or the column type refuses
 * (src/Common/ErrorCodes.cpp): CANNOT_PARSE_TEXT 6, CANNOT_PARSE_ESCAPE_SEQUENCE 25,
 * CANNOT_PARSE_QUOTED_STRING 26, CANNOT_PARSE_INPUT_ASSERTION_FAILED 27, CANNOT_PARSE_DATE 38,
 * CANNOT_PARSE_DATETIME 41, TYPE_MISMATCH 53, CANNOT_CONVERT_TYPE 70, CANNOT_PARSE_NUMBER 72,
 * INCORRECT_DATA 117, TOO_LARGE_STRING_SIZE 131, VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE 321,
 * CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN 349, CANNOT_PARSE_UUID 376, CANNOT_PARSE_BOOL 467.
 */
const ROW_FAULT_CODES: ReadonlySet<number> = new Set([6, 25, 26, 27, 38, 41, 53, 70, 72, 117, 131, 321, 349, 376, 467]);

/** The numeric ClickHouse error code of an error (client `code`, or `Code: N.` in a chDB message), through `cause` chains. */
export function clickHouseErrorCode(error: unknown): number | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^\d{1,4}$/.test(code)) return Number(code);
    if (typeof code === 'number' && Number.isInteger(code)) return code;
    const m = /\bCode: (\d{1,4})\./.exec(String((e as { message?: unknown }).message ?? ''));
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** True when ClickHouse refused a value of the insert (see the module doc); false for errors of the server as a whole. */
export function isClickHouseDataError(error: unknown): boolean {
  const code = clickHouseErrorCode(error);
  return code !== undefined && ROW_FAULT_CODES.has(code);
}
