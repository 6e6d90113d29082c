/**
 * A figure or a percentage on the wire: a plain decimal string ("710.83", "-9.06", "0") — digits,
 * "." as the point, no exponent, no trailing zeros. Never a JSON number: figures are
 * numeric(24,6), and a double would round "123456789012345.123456". A percentage is kept to 10
 * decimals and rounded for print by the reader ("55,5%"). Format it with the domain lib
 * (`formatNumber`, `formatPercent`), which reads the string exactly.
 */
export type DecimalString = string;
