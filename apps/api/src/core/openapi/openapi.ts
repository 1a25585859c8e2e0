import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { actionSchemaComponents } from './action-schemas';
import { FieldErrorDto, ProblemDto, RuleDto } from './problem.dto';

/** The OpenAPI document, generated from the controllers and DTOs. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('整顿 Supervisor API')
    .setDescription(
      '软弱涣散基层党组织整顿：整顿批次、整顿对象、各阶段操作、台账查询、统计与公示。Errors are application/problem+json (RFC 9457) with Chinese `title`/`detail` and English `title_en`/`detail_en`. POST requests accept an `Idempotency-Key` header.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDto, FieldErrorDto, RuleDto] });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...actionSchemaComponents() } };
  return document;
}

/** Swagger UI at /docs and the JSON document at /docs-json. */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: '整顿 Supervisor API' });
  return document;
}
