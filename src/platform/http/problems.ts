/** The problem+json shape (RFC 9457) of every error answer, for the route schemas and the OpenAPI document. */
import { Type } from '@fastify/type-provider-typebox';

export const Problem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  actie: Type.Optional(Type.String()),
  instance: Type.Optional(Type.String()),
  foutId: Type.Optional(
    Type.String({ description: 'Bij een interne fout (500): de code waaronder de fout in het serverlog staat.' }),
  ),
  fouten: Type.Optional(
    Type.Array(
      Type.Object({ waar: Type.Optional(Type.String()), wat: Type.String(), actie: Type.Optional(Type.String()) }),
    ),
  ),
});
/** Error responses every route may give, for the OpenAPI document. */
export const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Problem]));
