import type { Client } from 'pg';

/**
 * CANDIDATES candidates in one set-based INSERT, in the shape the Document Service writes: every
 * one tagged `batch-2026` plus one of ten cohorts; every 50th opted out, every 100th (of the
 * rest) without the `role` attribute the benchmark's template uses; every 7th wrote to us in the
 * last 30 days.
 */
export const AUDIENCE_TAG = 'batch-2026';

const FIRST = ['Asha', 'Priya', 'Rahul', 'Amit', 'Sneha', 'Vikram', 'Anjali', 'Rohan', 'Kavya', 'Arjun', 'Divya', 'Karan', 'Meera', 'Nikhil', 'Pooja', 'Sanjay', 'Isha', 'Manish', 'Neha', 'Aditya'];
const LAST = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Khan', 'Das', 'Menon', 'Joshi', 'Kulkarni', 'Rao', 'Mehta', 'Bose', 'Chatterjee', 'Pillai', 'Verma', 'Mishra', 'Shah'];
const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

export const seededName = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;

/** How many of `candidates` the seed makes sendable, opted out, and missing `role`. */
export const expectedCounts = (candidates: number) => {
  let optedOut = 0;
  let missing = 0;
  for (let i = 1; i <= candidates; i += 1) {
    if (i % 50 === 0) optedOut += 1;
    else if (i % 100 === 1) missing += 1;
  }
  return { total: candidates, optedOut, missing, send: candidates - optedOut - missing };
};

export const seedCandidates = async (client: Client, candidates: number, log: (text: string) => void) => {
  const started = performance.now();
  await client.query(`SET maintenance_work_mem = '256MB'`);
  const result = await client.query(
    `INSERT INTO plugin_whatsapp_candidates
       (document_id, name, phone, email, opt_in, tags, attributes, last_inbound_at, created_at, updated_at, published_at)
     SELECT 'aud' || substr(md5('candidate' || i), 1, 21),
            (${sqlArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}],
            '+9197' || lpad(i::text, 8, '0'),
            'candidate' || i || '@example.com',
            CASE WHEN i % 50 = 0 THEN 'opted_out' ELSE 'opted_in' END,
            jsonb_build_array('${AUDIENCE_TAG}', 'cohort-' || (i % 10)),
            CASE WHEN i % 50 <> 0 AND i % 100 = 1 THEN jsonb_build_object('city', 'Pune')
                 ELSE jsonb_build_object('role', 'Analyst', 'city', CASE WHEN i % 2 = 0 THEN 'Pune' ELSE 'Delhi' END) END,
            CASE WHEN i % 7 = 0 THEN now() - make_interval(hours => i % 720) END,
            now() - make_interval(secs => $1::int - i), now(), now()
       FROM generate_series(1, $1::int) AS i`,
    [candidates]
  );
  await client.query('VACUUM (ANALYZE) plugin_whatsapp_candidates');
  log(`seeded ${result.rowCount} candidates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
};
