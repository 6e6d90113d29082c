import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './ping';

describe('isDatabaseUnavailable', () => {
  const driverError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    ['a refused connection', driverError('ECONNREFUSED')],
    ['the server shutting down', driverError('57P01', 'terminating connection due to administrator command')],
    ['a connection ended under a query', new Error('Connection terminated unexpectedly')],
    ['a transaction whose connection was lost between two statements', new QueryRunnerAlreadyReleasedError()],
    ['a failed query wrapping a refused connection', new QueryFailedError('SELECT 1', [], driverError('08006'))],
  ])('says yes for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ['a syntax error', new QueryFailedError('SELEC 1', [], driverError('42601', 'syntax error'))],
    ['a unique violation', new QueryFailedError('INSERT', [], driverError('23505'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('says no for %s', (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));
});
