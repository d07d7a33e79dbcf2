import type { Client } from 'pg';

/**
 * The inbox at scale, written with set-based SQL (one INSERT … SELECT generate_series per table)
 * in the shape the Document Service and the webhook write: documentIds, timestamps, and Strapi's
 * link tables with their order columns.
 *
 * - CANDIDATES candidates, numbers +9198 followed by the candidate's number on 8 digits, named
 *   from 50 first × 50 last names (so a full name matches about CANDIDATES / 2,500 people);
 * - one conversation each with SENDER; last_message_at in whole seconds, three conversations per
 *   second (ties, as webhooks stored together have), every 20th conversation unread;
 * - MESSAGES messages: LONG_THREAD of them in the first conversation, the rest spread evenly.
 */
export type InboxSeed = { candidates: number; messages: number; longThread: number; sender: string };

const FIRST = ['Asha', 'Priya', 'Rahul', 'Amit', 'Sneha', 'Vikram', 'Anjali', 'Rohan', 'Kavya', 'Arjun', 'Divya', 'Karan', 'Meera', 'Nikhil', 'Pooja', 'Sanjay', 'Isha', 'Manish', 'Neha', 'Aditya', 'Ritu', 'Suresh', 'Lakshmi', 'Deepak', 'Swati', 'Harish', 'Gita', 'Varun', 'Nisha', 'Ajay', 'Shreya', 'Mohan', 'Tanvi', 'Ravi', 'Bhavna', 'Imran', 'Farah', 'Joseph', 'Mary', 'Gurpreet', 'Simran', 'Naveen', 'Lata', 'Prakash', 'Usha', 'Kiran', 'Zoya', 'Sameer', 'Pallavi', 'Tarun'];
const LAST = ['Sharma', 'Iyer', 'Patel', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Khan', 'Das', 'Menon', 'Joshi', 'Kulkarni', 'Rao', 'Mehta', 'Bose', 'Chatterjee', 'Pillai', 'Verma', 'Mishra', 'Shah', 'Desai', 'Kapoor', 'Malhotra', 'Banerjee', 'Naidu', 'Hegde', 'Shetty', 'Pandey', 'Yadav', 'Thakur', 'Sinha', 'Saxena', 'Agarwal', 'Chopra', 'Bhat', 'Kamath', 'Gill', 'Sandhu', 'Fernandes', 'DSouza', 'Mukherjee', 'Ghosh', 'Dutta', 'Sen', 'Roy', 'Trivedi', 'Dubey', 'Tiwari', 'Jain', 'Goyal'];

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value}'`).join(',')}]`;

/** The name and phone the seed gives candidate `i` (1-based), for the searches the benchmark times. */
export const seededCandidate = (i: number) => ({
  name: `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
  phone: `+9198${String(i).padStart(8, '0')}`,
});

/** Seconds before the seed's reference time that conversation `i` last had a message. */
const AGE = (column: string) => `(${column} / 3)`;

export const seedInbox = async (client: Client, seed: InboxSeed, log: (text: string) => void) => {
  const { candidates, messages, longThread, sender } = seed;
  const spread = messages - longThread;
  const timed = async (label: string, sql: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(sql, params);
    log(`seeded ${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await client.query(`SET maintenance_work_mem = '256MB'`);
  await client.query(`SET work_mem = '64MB'`);
  // One reference time for every row, so ages (and ties) are exact.
  const now = (await client.query(`SELECT date_trunc('second', now() AT TIME ZONE 'UTC') AS now`)).rows[0].now as Date;

  await timed(
    'candidates',
    `INSERT INTO plugin_whatsapp_candidates (document_id, name, phone, opt_in, last_inbound_at, created_at, updated_at, published_at)
     SELECT 'cand' || substr(md5('candidate' || i), 1, 20),
            (${sqlArray(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}],
            '+9198' || lpad(i::text, 8, '0'), 'opted_in', $1::timestamp - make_interval(secs => ${AGE('i')} + 60), $1, $1, $1
       FROM generate_series(1, $2::int) AS i ORDER BY i`,
    [now, candidates]
  );
  await timed(
    'conversations',
    `INSERT INTO plugin_whatsapp_conversations
       (document_id, sender, status, last_message_at, last_message_preview, last_inbound_at, window_expires_at, unread_count,
        thread_key, created_at, updated_at, published_at)
     SELECT 'conv' || substr(md5('conversation' || c.i), 1, 20), $3::text, 'open',
            $1::timestamp - make_interval(secs => ${AGE('c.i')}),
            'Last message of conversation ' || c.i || ': is the interview on Friday?',
            $1::timestamp - make_interval(secs => ${AGE('c.i')} + 60),
            $1::timestamp - make_interval(secs => ${AGE('c.i')} + 60) + interval '24 hours',
            CASE WHEN c.i % 20 = 0 THEN 1 + c.i % 3 ELSE 0 END,
            $3::text || '|' || d.document_id, $1, $1, $1
       FROM generate_series(1, $2::int) AS c(i)
       JOIN plugin_whatsapp_candidates d ON d.phone = '+9198' || lpad(c.i::text, 8, '0')
      ORDER BY c.i`,
    [now, candidates, sender]
  );
  await timed(
    'conversation → candidate links',
    `INSERT INTO plugin_whatsapp_conversations_candidate_lnk (conversation_id, candidate_id, conversation_ord)
     SELECT cv.id, d.id, 1
       FROM plugin_whatsapp_conversations cv
       JOIN plugin_whatsapp_candidates d ON cv.thread_key = $1::text || '|' || d.document_id
      WHERE d.document_id LIKE 'cand%'`,
    [sender]
  );
  // Message m (1-based): the long thread's first, then the others round-robin over conversations
  // 2…N; its conversation's k-th message (k = ord) is k seconds older than the one after it.
  await timed(
    'messages',
    `INSERT INTO plugin_whatsapp_messages
       (document_id, direction, "from", "to", body, twilio_sid, status, message_type, send_attempts, created_at, updated_at, published_at)
     SELECT 'msg' || substr(md5('message' || m.i), 1, 21),
            CASE WHEN m.i % 2 = 0 THEN 'inbound' ELSE 'outbound' END,
            CASE WHEN m.i % 2 = 0 THEN '+9198' || lpad(m.conv::text, 8, '0') ELSE $3::text END,
            CASE WHEN m.i % 2 = 0 THEN $3::text ELSE '+9198' || lpad(m.conv::text, 8, '0') END,
            'Message ' || m.i || ': thank you, I will bring my documents to the interview.',
            'SM' || md5('sid' || m.i),
            CASE WHEN m.i % 2 = 0 THEN 'received' ELSE 'read' END, 'text', 0,
            m.at, m.at, m.at
       FROM (
         SELECT i, conv, $1::timestamp - make_interval(secs => ${AGE('conv')} + (total - ord)) AS at
           FROM (
             SELECT i,
                    CASE WHEN i <= $4 THEN 1 ELSE 2 + (i - $4 - 1) % ($2 - 1) END AS conv,
                    CASE WHEN i <= $4 THEN i ELSE 1 + (i - $4 - 1) / ($2 - 1) END AS ord,
                    CASE WHEN i <= $4 THEN $4::int ELSE ($5::int / ($2::int - 1)) + CASE WHEN (i - $4 - 1) % ($2 - 1) < $5 % ($2 - 1) THEN 1 ELSE 0 END END AS total
               FROM generate_series(1, $4::int + $5::int) AS i
           ) AS placed
       ) AS m
      ORDER BY m.i`,
    [now, candidates, sender, longThread, spread]
  );
  // Message i's conversation again, from ids: messages were inserted in i order above.
  const firstMessage = Number((await client.query(`SELECT min(id) AS id FROM plugin_whatsapp_messages WHERE document_id LIKE 'msg%'`)).rows[0].id);
  const firstConversation = Number((await client.query(`SELECT min(id) AS id FROM plugin_whatsapp_conversations WHERE document_id LIKE 'conv%'`)).rows[0].id);
  const firstCandidate = Number((await client.query(`SELECT min(id) AS id FROM plugin_whatsapp_candidates WHERE document_id LIKE 'cand%'`)).rows[0].id);
  const placement = `
    SELECT $1::int + i - 1 AS message_id,
           CASE WHEN i <= $4 THEN 1 ELSE 2 + (i - $4 - 1) % ($3 - 1) END AS conv,
           CASE WHEN i <= $4 THEN i ELSE 1 + (i - $4 - 1) / ($3 - 1) END AS ord
      FROM generate_series(1, $4::int + $5::int) AS i`;
  await timed(
    'message → conversation links',
    `INSERT INTO plugin_whatsapp_messages_conversation_lnk (message_id, conversation_id, message_ord)
     SELECT p.message_id, $2::int + p.conv - 1, p.ord FROM (${placement}) AS p ORDER BY p.message_id`,
    [firstMessage, firstConversation, candidates, longThread, spread]
  );
  await timed(
    'message → candidate links',
    `INSERT INTO plugin_whatsapp_messages_candidate_lnk (message_id, candidate_id)
     SELECT p.message_id, $2::int + p.conv - 1 FROM (${placement}) AS p ORDER BY p.message_id`,
    [firstMessage, firstCandidate, candidates, longThread, spread]
  );
  const started = performance.now();
  await client.query(
    `VACUUM (ANALYZE) plugin_whatsapp_candidates, plugin_whatsapp_conversations, plugin_whatsapp_conversations_candidate_lnk,
       plugin_whatsapp_messages, plugin_whatsapp_messages_conversation_lnk, plugin_whatsapp_messages_candidate_lnk`
  );
  log(`VACUUM ANALYZE in ${((performance.now() - started) / 1000).toFixed(1)} s`);
};
