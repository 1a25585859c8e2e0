/** Every action's form by action type: an action of the domain without a form here does not compile. */
import type { ActionForms } from '../action-form';
import { addMeasuresForm } from './addMeasures';
import { approveMeasuresForm } from './approveMeasures';
import { approvePlanForm } from './approvePlan';
import { assignTeamForm } from './assignTeam';
import { completeMeasureForm } from './completeMeasure';
import { decideHandlingForm } from './decideHandling';
import { declineTalkForm } from './declineTalk';
import { recordCountyAcceptanceForm } from './recordCountyAcceptance';
import { recordFollowUpReviewForm } from './recordFollowUpReview';
import { recordPreliminaryAcceptanceForm } from './recordPreliminaryAcceptance';
import { recordTalkForm } from './recordTalk';
import { recordSupervisionForm } from './recordSupervision';
import { replaceSecretaryForm } from './replaceSecretary';
import { setRectificationDeadlineForm } from './setRectificationDeadline';
import { reportMeasureDoneForm } from './reportMeasureDone';
import { reportProgressForm } from './reportProgress';
import { resolveObjectionForm } from './resolveObjection';
import { returnPlanForm } from './returnPlan';
import { reviewExplanationForm } from './reviewExplanation';
import { startPublicityForm } from './startPublicity';
import { submitExplanationForm } from './submitExplanation';
import { submitPlanForm } from './submitPlan';
import { verifyMeasureForm } from './verifyMeasure';

export const ACTION_FORMS: ActionForms = {
  assignTeam: assignTeamForm,
  submitPlan: submitPlanForm,
  returnPlan: returnPlanForm,
  approvePlan: approvePlanForm,
  addMeasures: addMeasuresForm,
  approveMeasures: approveMeasuresForm,
  completeMeasure: completeMeasureForm,
  reportMeasureDone: reportMeasureDoneForm,
  verifyMeasure: verifyMeasureForm,
  reportProgress: reportProgressForm,
  submitExplanation: submitExplanationForm,
  startPublicity: startPublicityForm,
  resolveObjection: resolveObjectionForm,
  recordPreliminaryAcceptance: recordPreliminaryAcceptanceForm,
  recordCountyAcceptance: recordCountyAcceptanceForm,
  recordFollowUpReview: recordFollowUpReviewForm,
  recordTalk: recordTalkForm,
  declineTalk: declineTalkForm,
  decideHandling: decideHandlingForm,
  reviewExplanation: reviewExplanationForm,
  replaceSecretary: replaceSecretaryForm,
  setRectificationDeadline: setRectificationDeadlineForm,
  recordSupervision: recordSupervisionForm,
};
