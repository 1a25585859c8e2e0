import { CodedException } from '../../core/errors/coded.exception';

export type PublicCaseExceptionCode = 'not_public' | 'not_accepting_objections' | 'not_accepting_ratings';

/** What the public may not do (yet) with a case. */
export class PublicCaseException extends CodedException<PublicCaseExceptionCode> {
  override readonly name = 'PublicCaseException';

  static notPublic(): PublicCaseException {
    return new PublicCaseException('not_public', '该组织的整顿情况尚未公开', 'nothing is public about this case yet');
  }

  static notAcceptingObjections(): PublicCaseException {
    return new PublicCaseException('not_accepting_objections', '当前不在结果公示期，暂不受理异议', 'objections are accepted only while the results are publicized');
  }

  static notAcceptingRatings(): PublicCaseException {
    return new PublicCaseException('not_accepting_ratings', '当前不在满意度测评期', 'ratings are accepted only from publicity until county acceptance');
  }
}
