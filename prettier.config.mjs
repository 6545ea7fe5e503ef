// Prettier: its defaults (double quotes, semicolons, trailing commas, two spaces) are this code's
// style already; only the width is wider. Lines here carry Chinese text, which Prettier counts
// twice, and 99% of the lines written before Prettier came fit in 180 columns counted that way.
/** @type {import("prettier").Config} */
export default { printWidth: 180 };
