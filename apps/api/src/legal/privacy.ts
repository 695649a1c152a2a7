import type { OperatorDto as Operator } from '../settings/dto/operator.dto.js';

/** Text an administrator typed, shown as itself in Markdown. */
function plain(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

function contact(operator: Operator, words: { email: string; phone: string; address: string }): string[] {
  return [
    operator.email ? `${words.email} <${operator.email}>` : '',
    operator.phone ? `${words.phone} ${operator.phone}` : '',
    operator.address ? `${words.address} ${plain(operator.address.split('\n').join(', '))}` : '',
  ].filter(Boolean);
}

function controllerNb(operator: Operator): string {
  const reach = contact(operator, { email: 'e-post', phone: 'telefon', address: 'postadresse' });
  const who = operator.name
    ? `${plain(operator.name)} er behandlingsansvarlig for personopplysningene i Erfaringsforum.`
    : 'Den som driver dette forumet, er behandlingsansvarlig for personopplysningene i Erfaringsforum. Administratoren har ikke lagt inn navnet ennå.';
  const how = reach.length
    ? ` Spørsmål om personvern, innsyn, retting eller sletting sender du til ${reach.join(', ')}.`
    : ' Kontaktinformasjon er ikke lagt inn ennå; spør en moderator eller administrator i forumet.';
  return `**Hvem som er ansvarlig.** ${who}${how}`;
}

function controllerEn(operator: Operator): string {
  const reach = contact(operator, { email: 'email', phone: 'phone', address: 'postal address' });
  const who = operator.name
    ? `${plain(operator.name)} is the data controller (behandlingsansvarlig) for the personal data in Erfaringsforum.`
    : 'Whoever runs this forum is the data controller (behandlingsansvarlig) for the personal data in Erfaringsforum. The administrator has not entered its name yet.';
  const how = reach.length
    ? ` Send questions about privacy, access, correction or deletion to ${reach.join(', ')}.`
    : ' No contact details have been entered yet; ask a moderator or administrator in the forum.';
  return `**Who is responsible.** ${who}${how}`;
}

/** The privacy notice (personvernerklæring), accepted at registration, naming the operator. Markdown. */
export function privacyNotice(operator: Operator): { nb: string; en: string } {
  return {
    nb: PRIVACY_NB.replace('\n\n', `\n\n${controllerNb(operator)}\n\n`),
    en: PRIVACY_EN.replace('\n\n', `\n\n${controllerEn(operator)}\n\n`),
  };
}

const PRIVACY_NB = `# Personvern i Erfaringsforum

**Hva vi lagrer.** Brukernavn, visningsnavn, e-post hvis du oppgir den, et passord lagret som en saltet hash (argon2id), rollen din, innleggene dine og meldinger i kafeen. Innlegg om egen psykiske helse er *særlige kategorier av personopplysninger* (helseopplysninger, personvernforordningen artikkel 9). Du bestemmer selv hva du deler; skriv gjerne anonymt.

**Hvorfor.** For å drive forumet og kafeen, for å moderere (holde tråder trygge og følge opp meldinger om innhold) og for å gi deg beskjed om hva som skjer med innleggene dine. Grunnlaget er ditt samtykke når du registrerer deg, og det kan trekkes tilbake ved å slette kontoen.

**Anonyme innlegg.** Andre brukere og moderatorer ser bare et alias («Anonym 2»). Databasen kobler ikke innlegget til kontoen din; koblingen finnes bare som en nøkkelhash med en hemmelig nøkkel utenfor databasen. Bare en administrator kan avsløre hvem som skrev et anonymt innlegg, med en oppgitt grunn (for eksempel fare for liv), og det loggføres. Sletter du kontoen, brytes koblingen for godt.

**Hvor lenge.** Innlegg lagres til du sletter dem eller kontoen. Kafémeldinger slettes automatisk 24 timer etter at kafeen stengte; en melding som er meldt til moderatorene, beholdes til en moderator har sett på den, men aldri mer enn 14 dager. Innloggingsøkter slettes når de utløper (etter 14 dager uten bruk). IP-adresser lagres ikke i databasen; de finnes bare i kortlivede tellere mot misbruk (inntil én time) og i driftslogger (inntil 14 dager). Moderatorlogg (hvem gjorde hva) beholdes, men inneholder ingen kopi av personopplysninger.

**Hvem ser hva.** Åpne kategorier kan leses av alle. Lukkede kategorier leses bare av panelets medlemmer. Moderatorer ser innlegg som venter på godkjenning og meldinger om innhold. Administratorer ser brukerlisten (brukernavn, visningsnavn og rolle). Vi deler ingenting med andre og bruker ingen sporing eller reklame.

**Interesse for panelet og panelets oppdrag.** Melder du interesse for erfaringspanelet (også uten konto), lagrer vi navnet ditt, e-post og/eller telefonnummer, hvordan du vil bli kontaktet, perspektivene dine, meldingen din og om du vil ha nyhetsbrev. Bare administratorene (koordinatoren) ser dette. Alt sammen slettes automatisk 12 måneder etter at koordinatoren sist behandlet henvendelsen. Panelmedlemmer har en panelprofil (perspektiver, temaer, pause, hvor mange oppdrag de vil ha) og innsjekkinger på oppdrag; en innsjekkingsmelding ser bare du og administratorene. Nyhetsbrevet har en avmeldingslenke som virker uten innlogging.

**Forslag til aktivitetsoversikten.** Foreslår du et tilbud eller en rettelse, lagrer vi forslaget og, hvis du oppgir den, e-postadressen din, så moderatoren kan spørre deg om noe. E-postadressen vises aldri for andre og slettes 30 dager etter at forslaget er behandlet; kvitteringskoden din virker fortsatt.

**Aldersgrense.** Du må være 16 år for å registrere deg. Er du yngre, er Alarmtelefonen for barn og unge (116 111) og ung.no til for deg.

**Dine rettigheter.** Under «Min side» kan du laste ned alle dine data (innsyn og dataportabilitet) og slette kontoen din. Ved sletting fjernes kontoen; innlegg du skrev med navn vises som «slettet bruker», og anonyme innlegg kan ikke lenger knyttes til deg av noen. Du kan også klage til Datatilsynet.
`;

const PRIVACY_EN = `# Privacy in Erfaringsforum

**What we store.** Your username, display name, email if you give one, your password as a salted hash (argon2id), your role, your posts and your café messages. Posts about your own mental health are *special categories of personal data* (health data, GDPR article 9). You decide what you share; feel free to post anonymously.

**Why.** To run the forum and the café, to moderate (keep threads safe and follow up reports) and to tell you what happens to your posts. The basis is your consent at registration, which you withdraw by deleting your account.

**Anonymous posts.** Other users and moderators see only an alias ("Anonym 2"). The database does not link the post to your account; the link exists only as a keyed hash whose secret key is kept outside the database. Only an administrator can reveal who wrote an anonymous post, giving a reason (for example a risk to life), and that is logged. If you delete your account, the link is broken for good.

**For how long.** Posts are kept until you delete them or your account. Café messages are deleted automatically 24 hours after the café closed; a message reported to the moderators is kept until a moderator has looked at it, never more than 14 days. Login sessions are deleted when they expire (after 14 days unused). IP addresses are not stored in the database; they exist only in short-lived counters against abuse (up to one hour) and in operational logs (up to 14 days). The moderation log (who did what) is kept, but holds no copy of personal data.

**Who sees what.** Open categories can be read by anyone. Closed categories are read only by the panel's members. Moderators see posts awaiting review and reports about content. Administrators see the user list (username, display name and role). We share nothing with others and use no tracking or advertising.

**Interest in the panel and the panel's assignments.** If you express interest in the experience panel (also without an account), we store your name, email and/or phone number, how you want to be contacted, your perspectives, your message and whether you want the newsletter. Only the administrators (the coordinator) see this. All of it is deleted automatically 12 months after the coordinator last handled it. Panel members have a pool profile (perspectives, topics, a pause, how many assignments they want) and check-ins on assignments; a check-in note is seen only by you and the administrators. The newsletter has an unsubscribe link that works without logging in.

**Suggestions for the activity directory.** If you suggest an offer or a correction, we store the suggestion and, if you give it, your email address, so a moderator can ask you about it. The email is never shown to anyone else and is deleted 30 days after the suggestion was decided; your receipt code still works.

**Age limit.** You must be 16 to register. If you are younger, Alarmtelefonen for children and young people (116 111) and ung.no are there for you.

**Your rights.** Under "My page" you can download all your data (access and portability) and delete your account. On deletion the account is removed; posts you wrote under your name show as "deleted user", and anonymous posts can no longer be linked to you by anyone. You may also complain to Datatilsynet, the Norwegian data protection authority.
`;
