/**
 * Where the public's ratings and objections came from, kept as hashes only (public_rating_device,
 * public_objection_source): what the API checks before it signals the case, so that one device
 * rates a case once and one address cannot flood a case with objections. Not the signals' content:
 * that is the case's.
 */
import type { DataSource } from 'typeorm';

export type ObjectionClaim = 'claimed' | 'source_full' | 'case_full';

/** An objection counts as open until the read model shows it resolved (one just sent is open). */
const OPEN = `NOT EXISTS (SELECT 1 FROM case_record c, jsonb_array_elements(COALESCE(c.state -> 'objections', '[]'::jsonb)) o
                WHERE c.case_id = s.case_id AND o ->> 'id' = s.objection_id AND o ->> 'status' <> 'open')`;

export class PublicSignalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the device's one rating of the case; false when it has rated the case already. */
  async claimRating(caseId: string, deviceHash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO public_rating_device (case_id, device_hash) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING case_id`,
      [caseId, deviceHash],
    );
    return rows.length > 0;
  }

  /** Gives the rating back when it did not reach the case (the device may rate again). */
  async releaseRating(caseId: string, deviceHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM public_rating_device WHERE case_id = $1 AND device_hash = $2`, [caseId, deviceHash]);
  }

  /**
   * Takes a place for an objection from `sourceHash`, unless that source already has `perSource` open
   * objections on the case or the case has `perCase`. The same objection id again (a retry) keeps its place.
   */
  async claimObjection(caseId: string, objectionId: string, sourceHash: string, limits: { perSource: number; perCase: number }): Promise<ObjectionClaim> {
    return this.dataSource.transaction(async (manager) => {
      // One claim at a time per case, so that two requests cannot both take the last place.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('public_objection:' || $1))`, [caseId]);
      const known: unknown[] = await manager.query(`SELECT 1 FROM public_objection_source WHERE case_id = $1 AND objection_id = $2`, [caseId, objectionId]);
      if (known.length > 0) return 'claimed';
      const [counts]: { from_source: string; on_case: string }[] = await manager.query(
        `SELECT count(*) FILTER (WHERE s.source_hash = $2) AS from_source, count(*) AS on_case
           FROM public_objection_source s WHERE s.case_id = $1 AND ${OPEN}`,
        [caseId, sourceHash],
      );
      if (Number(counts.from_source) >= limits.perSource) return 'source_full';
      if (Number(counts.on_case) >= limits.perCase) return 'case_full';
      await manager.query(`INSERT INTO public_objection_source (case_id, objection_id, source_hash) VALUES ($1, $2, $3)`, [caseId, objectionId, sourceHash]);
      return 'claimed';
    });
  }

  /** Gives the place back when the objection did not reach the case. */
  async releaseObjection(caseId: string, objectionId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM public_objection_source WHERE case_id = $1 AND objection_id = $2`, [caseId, objectionId]);
  }
}
