// The printed archive (docs/print.md): what the console's print view and the server's JPG pages share.

/**
 * The 密级 (classification) marking printed on the cover and in every page header. Integrity archives are internal
 * working material; a body that files them at a stated 密级 will want its own (a per-tenant setting: docs/print.md).
 */
export const PRINT_CLASSIFICATION = '内部';
export const classificationMark = (level = PRINT_CLASSIFICATION) => `密级：${level}`;

/** Most pages one print produces; what lies beyond is left out with a notice on the last page. */
export const PRINT_MAX_PAGES = 200;

/** Resolution of the server's JPG pages (dots per inch): A4 at 150 dpi is 1241 × 1754 pixels. */
export const PRINT_DPI = 150;

/** Printed where a category has no accepted record. */
export const PRINT_EMPTY = '无记录';
