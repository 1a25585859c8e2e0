import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { MediaTypeException } from './media-type.exception';

/** application/json and any application/…+json: what the JSON body parser reads (create-app.ts). */
export const JSON_MEDIA_TYPES = ['application/json', 'application/*+json'];
const JSON_MEDIA_TYPE = /^application\/(?:json|[\w.!#$%&'^`|~-]+\+json)$/;

/** The media type of the request's body, lower case, without parameters ('' when none is named). */
export function mediaTypeOf(request: Request): string {
  return String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Whether the request carries a body at all (as Node's parser framed it). */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * Global guard: a body the JSON parser did not read (a form, a boundary-less multipart, text, no type
 * at all) would reach the handler as an empty body, and an action whose fields are all optional
 * (approvePlan) would be applied without them. Such a request is refused with 415 before anything
 * runs. Endpoints that take another format say so with Swagger's @ApiConsumes (the screening upload:
 * multipart/form-data), which is both their documentation and what this guard allows.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return true;
    const type = mediaTypeOf(request);
    const consumes = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]);
    if (consumes && consumes.length > 0) {
      if (consumes.some((accepted) => accepted.toLowerCase() === type)) return true;
      throw new MediaTypeException(consumes, type);
    }
    if (JSON_MEDIA_TYPE.test(type)) return true;
    throw new MediaTypeException(['application/json'], type);
  }
}
