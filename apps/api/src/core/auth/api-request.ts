import type { Request } from 'express';
import type { Actor } from '@zhengdun/domain';

/** An Express request after the auth guard ran: `actor` is set on every non-public route. */
export type ApiRequest = Request & { actor?: Actor; id?: string | number };
