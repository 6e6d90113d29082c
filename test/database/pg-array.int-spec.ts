import { Client } from 'pg';
import { boolArray, intArray, textArray } from '../../libs/database/src/pg-array';

/** The array literals of libs/database/pg-array, read back by PostgreSQL itself. */
describe('pg array literals, read back by PostgreSQL', () => {
  const client = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('gives back exactly the elements written, for awkward text', async () => {
    const awkward = ['', ' ', 'NULL', 'null', '"', '\\', '\\"', '{a,b}', 'Trồng rừng mới: 710,83 ha', 'a\nb\tc', "it's", null, '}{'];
    const { rows } = await client.query<{ v: Array<string | null> }>('SELECT $1::text[] AS v', [textArray(awkward)]);
    expect(rows[0].v).toEqual(awkward);
  });

  it('gives back decimals exactly, and integers and booleans', async () => {
    const { rows } = await client.query('SELECT $1::numeric[]::text[] AS n, $2::int[] AS i, $3::boolean[] AS b', [
      textArray(['123456789012345678901234567890.123456789', '-0.5', null]),
      intArray([1, 2, -3]),
      boolArray([true, false]),
    ]);
    expect(rows[0]).toEqual({ n: ['123456789012345678901234567890.123456789', '-0.5', null], i: [1, 2, -3], b: [true, false] });
  });
});
