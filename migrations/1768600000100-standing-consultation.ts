import type { MigrationInterface, QueryRunner } from 'typeorm';

const BODY = [
  'Erfaringspanelet vil vite hva som mangler – for deg, eller for andre med psykiske helseutfordringer og deres pårørende.',
  'Svarene er anonyme. Panelet samler dem og forteller i en rapport hva vi hørte, og hva vi gjør med det.',
];

/**
 * The panel's own question from the seeds (seeds/000, question 2: "what is missing, what are the
 * challenges"), there from the first start: anonymous, open to everyone, open for six months, its
 * report due six weeks after. The coordinator may change dates and questions before the first answer.
 */
export class StandingConsultation1768600000100 implements MigrationInterface {
  name = 'StandingConsultation1768600000100';

  async up(db: QueryRunner): Promise<void> {
    const [c]: { id: string }[] = await db.query(
      `INSERT INTO consultations (title, summary, body, body_html, requester, audience, anonymity, confidentiality,
                                  status, opens_at, closes_at, report_due_at)
       VALUES ('Hva mangler?', $1, $2, $3, 'Erfaringspanelet', 'everyone', 'anonymous', $4, 'open',
               now(), now() + interval '6 months', now() + interval '6 months' + interval '6 weeks')
       RETURNING id`,
      [
        'Hva mangler, og hva er de største utfordringene for mennesker med psykiske helseutfordringer?',
        BODY.join('\n\n'),
        BODY.map((p) => `<p>${p}</p>`).join('\n'),
        'Svarene er anonyme. Panelet kan sitere fritekst i rapporten, men aldri noe som kan kjenne igjen en person. Skriv ikke navn, telefonnummer eller andre personopplysninger.',
      ],
    );
    const questions: [string, string, string[] | null, boolean][] = [
      ['text', 'Hva mangler – for deg, eller for andre i samme situasjon?', null, true],
      ['text', 'Hva er de største utfordringene i hverdagen?', null, false],
      [
        'multi',
        'Hvem svarer du som?',
        ['Bruker av tjenester', 'Pårørende', 'Erfaringskonsulent', 'Ansatt', 'Annet'],
        false,
      ],
    ];
    for (const [position, [kind, prompt, options, required]] of questions.entries())
      await db.query(
        `INSERT INTO consultation_questions (consultation_id, position, kind, prompt, options, required)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [c.id, position, kind, prompt, options, required],
      );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM consultations WHERE title = 'Hva mangler?' AND requester = 'Erfaringspanelet'`);
  }
}
