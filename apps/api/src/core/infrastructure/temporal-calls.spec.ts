import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { isUnavailable } from './temporal-calls.service';

/** An error as grpc-js rejects a call with it (what the SDK's isGrpcServiceError recognizes). */
const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

describe('a call to Temporal that got no answer in time (503, not 500)', () => {
  it('is the deadline exceeded, or the server unavailable, however deep the SDK wraps it', () => {
    const exceeded = new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded after 1.504s', { cause: grpcError(4, 'Deadline exceeded after 1.504s') });
    expect(isUnavailable(exceeded)).toBe(true);
    expect(isUnavailable(new Error('Workflow Update failed', { cause: grpcError(14, 'No connection established') }))).toBe(true);
  });

  it('is a call cancelled, as grpc-js reports one whose deadline timer raced the call', () => {
    // Seen against a dev server with no worker polling: at a 1 s and a 3 s deadline the Update was answered "1 CANCELLED: Call cancelled".
    const cancelled = new WorkflowUpdateRPCTimeoutOrCancelledError('Call cancelled', { cause: grpcError(1, 'Call cancelled') });
    expect(isUnavailable(cancelled)).toBe(true);
  });

  it('is not any other failure: a refusal, a missing workflow, a plain error', () => {
    expect(isUnavailable(grpcError(5, 'workflow not found'))).toBe(false);
    expect(isUnavailable(grpcError(3, 'invalid argument'))).toBe(false);
    expect(isUnavailable(new Error('boom'))).toBe(false);
  });
});
