// An AppError whose message is a catalogued sentence (messages/*.json `errors.auth.*`), carrying its key and
// params so that a transport says it in the reader's language (docs/languages.md, "Error messages").
import { AppError, type AppErrorDetails, type ErrorCode, type ErrorParams } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';

export function authError(code: ErrorCode, messageKey: string, params: ErrorParams = {}, details: AppErrorDetails = {}): AppError {
  const m = cataloguedMessage(messageKey, params);
  return new AppError(code, m.message, { ...details, messageKey: m.messageKey, params: m.params });
}
