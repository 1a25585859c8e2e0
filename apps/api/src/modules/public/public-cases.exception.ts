import { CodedError, type StatusTable } from '@zhengdun/domain';

export type PublicCaseExceptionCode = 'not_public' | 'not_accepting_objections' | 'not_accepting_ratings' | 'already_rated' | 'too_many_open_objections';

export const PUBLIC_CASE_EXCEPTION_STATUS: StatusTable<PublicCaseExceptionCode> = {
  not_public: 404,
  not_accepting_objections: 409,
  not_accepting_ratings: 409,
  already_rated: 409,
  too_many_open_objections: 429,
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

  static alreadyRated(): PublicCaseException {
    return new PublicCaseException('already_rated', '本设备已对该整顿对象作出评价，每台设备只计一次', 'this device has rated this case already: one rating per device');
  }

  static tooManyOpenObjections(limit: 'source' | 'case', count: number): PublicCaseException {
    return limit === 'source'
      ? new PublicCaseException('too_many_open_objections', `您对该整顿对象提出的异议尚有 ${count} 条未处理，请待乡镇党委答复后再提`, `${count} objections from you on this case are still open`)
      : new PublicCaseException('too_many_open_objections', `该整顿对象待处理的异议已达 ${count} 条，请待乡镇党委处理后再提`, `this case has ${count} open objections already`);
  }

  static notAcceptingRatings(): PublicCaseException {
    return new PublicCaseException('not_accepting_ratings', '当前不在在线评价期（公示期至县级验收前）', 'ratings are accepted only from publicity until county acceptance');
  }
}
