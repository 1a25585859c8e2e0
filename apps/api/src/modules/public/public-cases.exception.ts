import { CodedError, type StatusTable } from '@zhengdun/domain';

export type PublicCaseExceptionCode = 'not_public' | 'not_accepting_objections' | 'not_accepting_ratings';

export const PUBLIC_CASE_EXCEPTION_STATUS: StatusTable<PublicCaseExceptionCode> = {
  not_public: 404,
  not_accepting_objections: 409,
  not_accepting_ratings: 409,
};

/** What the public may not do (yet) with a case. */
export class PublicCaseException extends CodedError<PublicCaseExceptionCode> {
  override readonly name = 'PublicCaseException';

  /**
   * The one answer for a case the public may not see, whether it exists or not: telling "not yet
   * public" from "no such case" would tell anyone which organizations are listed before publication.
   */
  static notPublic(): PublicCaseException {
    return new PublicCaseException(
      'not_public',
      '未找到公示内容：该组织的整顿情况尚未公开，或编号有误',
      'nothing is publicized under this id (not yet public, or no such case)',
    );
  }

  static notAcceptingObjections(): PublicCaseException {
    return new PublicCaseException('not_accepting_objections', '当前不在结果公示期，暂不受理异议', 'objections are accepted only while the results are publicized');
  }

  static notAcceptingRatings(): PublicCaseException {
    return new PublicCaseException('not_accepting_ratings', '当前不在在线评价期（公示期至县级验收前）', 'ratings are accepted only from publicity until county acceptance');
  }
}
