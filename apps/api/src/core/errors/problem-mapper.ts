import { Global, Inject, Injectable, Module, type DynamicModule } from '@nestjs/common';
import { toProblem, type ProblemCodes, type ProblemResponse } from './problem';

export const PROBLEM_CODES = Symbol('PROBLEM_CODES');

/** toProblem with the application's merged status tables, for whatever writes or stores an error answer. */
@Injectable()
export class ProblemMapper {
  constructor(@Inject(PROBLEM_CODES) private readonly codes: ProblemCodes) {}

  toProblem(error: unknown, instance?: string): ProblemResponse {
    return toProblem(error, this.codes, instance);
  }
}

/** Provides ProblemMapper everywhere, with the codes the application composes from its modules' tables. */
@Global()
@Module({})
export class ProblemMapperModule {
  static forRoot(codes: ProblemCodes): DynamicModule {
    return { module: ProblemMapperModule, providers: [{ provide: PROBLEM_CODES, useValue: codes }, ProblemMapper], exports: [ProblemMapper] };
  }
}
