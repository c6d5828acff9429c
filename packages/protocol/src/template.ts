// Variables in canned responses: `{{visitor.name}}`, with a fallback `{{visitor.name|there}}`.

export const TEMPLATE_VARIABLES = ['visitor.name', 'visitor.email', 'operator.name', 'site.name'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([a-z]+\.[a-z]+)\s*(?:\|([^}]*))?\}\}/g;

/**
 * Fills the known variables; an empty or missing value takes the fallback, or nothing. An
 * unknown variable stays as written, so a typo shows instead of vanishing.
 */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    if (!(TEMPLATE_VARIABLES as readonly string[]).includes(name)) return whole;
    const value = values[name as TemplateVariable]?.trim();
    return value ? value : (fallback?.trim() ?? '');
  });
}
