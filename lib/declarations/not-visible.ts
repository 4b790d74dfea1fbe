// A declaration the caller may not see is answered like one that does not exist, in one catalogued sentence.
import { AppError } from '../errors';
import { cataloguedMessage } from '../i18n/catalogued-message';

export function notVisible(id: string): AppError {
  const { message, messageKey, params } = cataloguedMessage('declaration.notVisible', { id });
  return new AppError('NOT_FOUND', message, { messageKey, params });
}
