/** 报告措施完成: one pending measure of the round and what it achieved; the township committee verifies it. */
import { measureEvidenceForm } from './measure-evidence';

export const reportMeasureDoneForm = measureEvidenceForm('reportMeasureDone', '报告后措施显示为“已报告待核验”，经乡镇党委核验通过才算销项。');
