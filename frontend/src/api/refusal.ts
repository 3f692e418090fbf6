// SPDX-License-Identifier: MPL-2.0
/** One reason the server gave for a refusal: the rule's code (e.g. CON-1), its message and the field it is about. */
export interface Issue {
  code?: string;
  severity: 'error' | 'warning' | 'information' | 'fatal';
  message: string;
  path?: string;
}

/** A refused or failed request, with every reason the server listed. */
export class RefusalError extends Error {
  readonly status: number;
  readonly issues: Issue[];

  constructor(status: number, issues: Issue[]) {
    super(issues.map((i) => (i.code ? `${i.code}: ${i.message}` : i.message)).join('; ') || `HTTP ${status}`);
    this.name = 'RefusalError';
    this.status = status;
    this.issues = issues;
  }

  /** Whether one of the reasons is this rule. */
  has(code: string): boolean {
    return this.issues.some((i) => i.code === code);
  }
}

const ERROR_CODE_SYSTEM = 'https://fhir.openmrs.org/patientrecordings/CodeSystem/error-code';

/**
 * The issues of a response body: a FHIR OperationOutcome (code from details.coding of the error-code system), the
 * administration API's {"issues": [...]}, or anything else as one issue naming the status.
 */
export function issuesOf(status: number, body: unknown): Issue[] {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (b.resourceType === 'OperationOutcome' && Array.isArray(b.issue)) {
      return (b.issue as Array<Record<string, any>>).map((issue) => {
        const coding = (issue.details?.coding ?? []) as Array<{ system?: string; code?: string }>;
        const ours = coding.find((c) => c.system === ERROR_CODE_SYSTEM) ?? coding[0];
        return {
          code: ours?.code,
          severity: (issue.severity ?? 'error') as Issue['severity'],
          message: String(issue.details?.text ?? issue.diagnostics ?? ''),
          path: Array.isArray(issue.expression) ? issue.expression[0] : undefined,
        };
      });
    }
    if (Array.isArray(b.issues)) {
      return (b.issues as Array<Record<string, any>>).map((issue) => ({
        code: issue.code,
        severity: (issue.severity ?? 'error') as Issue['severity'],
        message: String(issue.message ?? ''),
        path: issue.path,
      }));
    }
  }
  return [{ severity: 'error', message: statusMessage(status), code: status === 401 || status === 403 ? 'SAF-3' : undefined }];
}

function statusMessage(status: number): string {
  if (status === 0) {
    return 'The server could not be reached';
  }
  return `The server answered ${status}`;
}
