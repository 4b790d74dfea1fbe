// A permit error in one catalogued sentence (`errors.permits.<key>` in messages/<locale>.json), so that a
// transport can say it in the reader's language (docs/languages.md, "Error messages").
import { AppError, type AppErrorDetails, type ErrorCode, type ErrorParams } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';

export function permitError(code: ErrorCode, key: string, params: ErrorParams = {}, details: AppErrorDetails = {}): AppError {
  const { message, messageKey, params: said } = cataloguedMessage(`permits.${key}`, params);
  return new AppError(code, message, { ...details, messageKey, params: said });
}
