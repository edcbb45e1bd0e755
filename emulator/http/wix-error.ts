/** An error the emulator answers in Wix's wire shape. */
export interface FieldViolation {
  field: string;
  description: string;
  violatedRule?: string;
}

export class WixError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> = {},
    readonly fieldViolations?: FieldViolation[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'WixError';
  }

  /** `{message, details:{applicationError|validationError}}`, as Wix sends it. */
  toBody(): Record<string, unknown> {
    if (this.fieldViolations) {
      return { message: this.message, details: { validationError: { fieldViolations: this.fieldViolations } } };
    }
    return {
      message: this.message,
      details: { applicationError: { code: this.code, description: this.message, data: this.data } },
    };
  }
}

export const notFound = (code: string, message: string, data?: Record<string, unknown>) =>
  new WixError(404, code, message, data);

export const invalidArgument = (field: string, description: string) =>
  new WixError(400, 'INVALID_ARGUMENT', `INVALID_ARGUMENT: ${field} ${description}`, {}, [
    { field, description, violatedRule: 'REQUIRED_FIELD' },
  ]);

export const unauthenticated = (message: string) => new WixError(401, 'UNAUTHENTICATED', message);
