import type { RawClient } from './raw-http';

export interface JsonSchema {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  format?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
}

/** One operation of the OpenAPI document, keyed as `METHOD /path/{param}`. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  secured: boolean;
  parameters: Parameter[];
  /** The JSON or multipart body schema, references resolved one level at a time by {@link resolveSchema}. */
  body?: { contentType: string; schema: JsonSchema };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, JsonSchema> };
}

interface OperationObject {
  parameters?: Parameter[];
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The api's own OpenAPI document, as served at /docs-json. */
export async function fetchOpenApi(client: RawClient): Promise<OpenApiDocument> {
  const response = await client.send({ method: 'GET', path: '/docs-json' });
  if (response.status !== 200) throw new Error(`GET /docs-json answered ${response.status}`);
  return response.json<OpenApiDocument>();
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          secured: (operation.security?.length ?? 0) > 0,
          parameters: operation.parameters ?? [],
          ...(contentType && media ? { body: { contentType, schema: media.schema } } : {}),
        };
      }),
  );
}

export function resolveSchema(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const resolved = document.components.schemas[name];
  if (!resolved) throw new Error(`unresolved ${schema.$ref}`);
  return resolveSchema(document, resolved);
}

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return value;
  });
}
