// The web contract's generator: openapi-typescript, which builds its output with the TypeScript 5
// compiler API. It lives in a workspace of its own because the repository's TypeScript 7 has no
// compiler API (docs/decisions/0022-web-contract-generated.md).
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

/** The TypeScript types of an OpenAPI document, as apps/web/src/api/schema.gen.ts holds them. */
export async function contractTypes(document) {
  const ast = await openapiTS(document, { silent: true, alphabetize: false });
  return COMMENT_HEADER + astToString(ast);
}
