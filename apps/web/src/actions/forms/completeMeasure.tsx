/** 整改措施销项: one pending measure of the round, and what it achieved. */
import { measureEvidenceForm } from './measure-evidence';

export const completeMeasureForm = measureEvidenceForm('completeMeasure');
