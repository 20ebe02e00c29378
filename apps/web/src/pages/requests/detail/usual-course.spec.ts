import { describeWorkflow } from '@liaison/domain';
import { usualCourse } from './usual-course';

describe('usualCourse', () => {
  it('follows an MLA from the draft to its closing', () => {
    expect(usualCourse(describeWorkflow('mla'))).toEqual([
      'draft',
      'under_review',
      'transmitted',
      'received',
      'in_execution',
      'executed',
      'closed',
    ]);
  });

  it('takes a child through family tracing and the best-interests determination', () => {
    const repatriation = describeWorkflow('repatriation');
    expect(usualCourse(repatriation, true)).toEqual([
      'draft',
      'referred',
      'identity_verification',
      'risk_assessment',
      'family_tracing',
      'best_interests_determination',
      'travel_documents',
      'consent',
      'return_scheduled',
      'reintegration',
      'closed',
    ]);
    expect(usualCourse(repatriation, false)).not.toContain('family_tracing');
  });

  it('ends an extradition in its closing', () => {
    expect(usualCourse(describeWorkflow('extradition'))).toEqual([
      'draft',
      'under_review',
      'transmitted',
      'received',
      'judicial_proceedings',
      'executive_decision',
      'surrender_scheduled',
      'surrendered',
      'closed',
    ]);
  });
});
