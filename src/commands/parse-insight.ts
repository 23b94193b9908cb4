/**
 * `trend [--months N] [--org NAME|UID] [--product P] [--top K] [--png FILE]` and `forecast`.
 * `--product` is checked by the insight service against the product types the reports carry;
 * here only its shape is checked, so that a typo still gets the service's list of products.
 */
import type { ParsedCommand, UsageError } from './command.js';
import { isError, readWholeNumber, splitArgs, unexpected, usageError } from './parse-options.js';
import { quote } from './suggest.js';
import type { Token } from './tokenize.js';

export const DEFAULT_TREND_MONTHS = 6;
/** The limit: two years of monthly reports. */
export const MAX_TREND_MONTHS = 24;
export const DEFAULT_TREND_TOP = 5;
/** More than this many named series makes neither a readable chart nor a compact table. */
export const MAX_TREND_TOP = 20;

const PRODUCT_WORD = /^[a-z][a-z0-9]{1,39}$/i;
/** The tokenizer already turned control characters into spaces; a paste is not a file name. */
const MAX_PATH_LENGTH = 500;

export function parseTrend(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(
    tokens,
    { months: 'value', org: 'name', product: 'value', top: 'value', png: 'value' },
    'trend',
  );
  if (isError(args)) return args;
  if (args.positionals.length > 0) {
    return unexpected('trend', args.positionals, 'Filter with --org, --product, --months or --top.');
  }
  const monthsText = args.flags.get('months');
  const months =
    monthsText === undefined
      ? DEFAULT_TREND_MONTHS
      : readWholeNumber(monthsText, '--months', 1, MAX_TREND_MONTHS, 'trend');
  if (isError(months)) return months;
  const topText = args.flags.get('top');
  const top = topText === undefined ? DEFAULT_TREND_TOP : readWholeNumber(topText, '--top', 1, MAX_TREND_TOP, 'trend');
  if (isError(top)) return top;

  const product = args.flags.get('product') ?? null;
  if (product !== null && !PRODUCT_WORD.test(product)) {
    return usageError(
      'trend',
      `--product takes a product name such as vbr, cc, vone, vb365, vspc or BackupAndReplication, not ${quote(product, 20)}.`,
    );
  }
  const png = args.flags.get('png') ?? null;
  if (png !== null && png.length > MAX_PATH_LENGTH) {
    return usageError('trend', `--png takes a file name to write the chart to, not ${quote(png, 20)}.`);
  }
  return { name: 'trend', months, org: args.flags.get('org') ?? null, product, top, png, share };
}

export function parseForecast(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'forecast');
  if (isError(args)) return args;
  if (args.positionals.length > 0) {
    return unexpected('forecast', args.positionals, 'forecast takes no words: it covers every organization.');
  }
  return { name: 'forecast', share };
}
