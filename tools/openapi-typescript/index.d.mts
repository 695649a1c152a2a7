/** The TypeScript types of an OpenAPI document, as apps/web/src/api/schema.gen.ts holds them. */
export function contractTypes(document: object): Promise<string>;
