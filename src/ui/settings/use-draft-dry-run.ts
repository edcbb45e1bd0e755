import { useEffect, useState } from 'react';
import { fieldProblemsOf, type FieldProblem } from '../api/api-failure.js';
import type { AutoReplySettings, DashboardApi, DryRunResult } from '../api/dashboard-api.js';
import { dryRunRequest, type DrySample } from './dry-run-sample.js';

export interface DraftDryRun {
  result?: DryRunResult;
  loading: boolean;
  error?: string;
  /** The fields of the draft the server refused; empty when the draft is valid. */
  problems: FieldProblem[];
}

/**
 * Asks the server what the draft (unsaved settings) would do with the sample, a moment after the owner stops
 * typing; an answer to an older draft or sample is dropped. The server checks the draft as it would a save.
 */
export function useDraftDryRun(api: DashboardApi, sample: DrySample, draft: AutoReplySettings | undefined, delayMs = 300): DraftDryRun {
  const [state, setState] = useState<DraftDryRun>({ loading: false, problems: [] });
  const draftKey = draft ? JSON.stringify(draft) : undefined;
  useEffect(() => {
    if (!draft) return undefined;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      api.dryRun({ ...dryRunRequest(sample), settings: draft }).then(
        (result) => current && setState({ result, loading: false, problems: [] }),
        (error: unknown) => {
          if (!current) return;
          const problems = fieldProblemsOf(error);
          setState({
            loading: false,
            problems,
            error: problems.length
              ? `Your changes have ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: fix the marked ${problems.length === 1 ? 'field' : 'fields'} to see the preview.`
              : (error as Error).message,
          });
        },
      );
    }, delayMs);
    return () => { current = false; clearTimeout(timer); };
  }, [api, sample, draftKey, delayMs]); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}
