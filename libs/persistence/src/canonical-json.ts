// The one canonical JSON lives in the domain (the workflow signs actors with it too).
export { canonicalJson } from '@zhengdun/domain';
