/**
 * The community guidelines, adapted for an online forum and café from "10 gode grunnregler for
 * bruker- og pårørendemedvirkning" (../shared/seeds/002). Markdown.
 */
export const GUIDELINES_NB = `# Retningslinjer for Erfaringsforum

Erfaringsforum er et sted der brukere, pårørende, erfaringskonsulenter og ansatte deler erfaringer med psykisk helse. Reglene under bygger på «10 gode grunnregler for bruker- og pårørendemedvirkning». Ved å registrere deg sier du deg enig i dem.

1. **Møt hverandre med respekt og vilje til å lytte.** Skriv til andre slik du selv vil bli møtt. Ingen hets, trusler eller nedsettende omtale av andre – heller ikke av ansatte eller tjenester du er misfornøyd med.
2. **Gi samtalen tid.** Les hele tråden før du svarer, og svar på det som faktisk står. Uenighet er lov; å overkjøre andre er det ikke.
3. **Ta erfaringer på alvor – de er opplevd.** Ikke avfei, overprøv eller gjør narr av andres opplevelser. Du kan dele din egen erfaring uten å underkjenne noen andres.
4. **Tenk på taushetsplikt og personvern før du skriver.** Ikke skriv navn, telefonnummer, adresse, fødselsnummer eller andre kjennetegn på deg selv eller andre. Ikke fortell andres historie uten deres samtykke. Ansatte og erfaringskonsulenter har taushetsplikt også her.
5. **Del kunnskap, ikke diagnoser eller behandling.** Du kan fortelle hva som har hjulpet deg, men forumet erstatter ikke helsehjelp. Ikke råd andre til å slutte med medisiner eller behandling.
6. **Husk hele familien.** Pårørende og barn er en del av bildet. Skriv slik at også de kan lese med.
7. **Be om hjelp når klimaet blir vanskelig.** Bruk «Meld fra» når noe bryter med reglene, i stedet for å svare med samme mynt. Moderatorene og vertene er her for å hjelpe.
8. **Du får beskjed om hva som er gjort.** Blir et innlegg holdt tilbake eller avvist, får du vite hvorfor, slik at du kan rette det.
9. **Vi sjekker at beskjeden er mottatt.** Du ser status på egne innlegg under «Min side», og gjester får en kvittering.
10. **Dette er en arena for erfaringsutveksling, informasjon og påfyll.** Reklame, innsamlinger og spam hører ikke hjemme her.

**Er du i krise?** Forumet er ikke bemannet hele døgnet. Trenger du hjelp nå, ring **113** (akutt), legevakt **116 117**, Mental Helse hjelpetelefonen **116 123**, Kirkens SOS **22 40 00 40** eller Alarmtelefonen for barn og unge **116 111**.

Brudd på reglene kan føre til at innlegg skjules, og til advarsel, midlertidig skrivesperre (demping) eller utestengning. Alle moderatorhandlinger loggføres.
`;

export const GUIDELINES_EN = `# Erfaringsforum community guidelines

Erfaringsforum is a place where service users, relatives, peer workers and staff share experiences of mental health. These rules build on the "10 ground rules for user and relative involvement". By registering you agree to them.

1. **Meet each other with respect and a will to listen.** Write to others as you want to be met. No harassment, threats or demeaning talk about others — including staff or services you are unhappy with.
2. **Give the conversation time.** Read the whole thread before you reply, and answer what was actually written. Disagreement is fine; running others over is not.
3. **Take experiences seriously — they were lived.** Don't dismiss, overrule or mock what others have been through. You can share your own experience without invalidating anyone else's.
4. **Think of confidentiality and privacy before you write.** Don't write names, phone numbers, addresses, national identity numbers or other details that identify you or others. Don't tell someone else's story without their consent. Staff and peer workers keep their duty of confidentiality here too.
5. **Share knowledge, not diagnoses or treatment.** You may tell what helped you, but the forum does not replace health care. Don't advise others to stop medication or treatment.
6. **Remember the whole family.** Relatives and children are part of the picture. Write so they can read along too.
7. **Ask for help when the climate gets hard.** Use "Report" when something breaks the rules, rather than answering in kind. Moderators and hosts are here to help.
8. **You are told what was done.** If a post is held back or rejected, you are told why, so you can put it right.
9. **We check that the feedback reached you.** You see the status of your own posts under "My page", and guests get a receipt.
10. **This is a place for sharing experience, information and support.** Advertising, fundraising and spam don't belong here.

**In crisis?** The forum is not staffed around the clock. If you need help now, call **113** (emergency), the out-of-hours doctor (legevakt) **116 117**, Mental Helse's helpline **116 123**, Kirkens SOS **22 40 00 40** or Alarmtelefonen for children and young people **116 111**.

Breaking the rules can lead to posts being hidden, and to a warning, a temporary mute or a ban. Every moderator action is logged.
`;
