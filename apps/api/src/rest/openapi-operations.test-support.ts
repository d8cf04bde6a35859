/** The parts of the served OpenAPI document the OpenAPI tests read. */
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  example?: unknown;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: {
      ErrorBody: {
        properties: {
          error: {
            properties: { code: { enum: string[]; 'x-enum-descriptions': string[]; description: string } };
          };
        };
      };
      DesignDocument: unknown;
      Database: unknown;
    };
  };
}

/** Every operation of the document, in its order. */
export function operationsOf(
  document: OpenApiDocument,
): Array<{ method: string; path: string; operation: OpenApiOperation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
}
