/**
 * The café rules a guest accepts before joining (`acceptRules: true`): the community guidelines
 * in short, for a live room led by a host. Markdown.
 */
export const CAFE_RULES_NB = `# Kaféregler

Erfaringskaféen er et lavterskel møtested ledet av erfaringskonsulenter. Du trenger ingen konto – bare et kallenavn.

1. **Vær raus og respektfull.** Ta andres erfaringer på alvor, også når du er uenig.
2. **Det som sies i kafeen, blir i kafeen.** Ikke del andres historier videre, og ikke skriv navn, telefonnummer eller andre kjennetegn på deg selv eller andre.
3. **Vertene leder samtalen.** De kan fjerne meldinger, dempe eller fjerne deltakere og skru på sakte modus. Det er for at alle skal ha det trygt.
4. **Si fra.** Ser du noe som ikke hører hjemme her, bruk «Meld fra» på meldingen.
5. **Kafeen er ikke en krisetjeneste.** Trenger du hjelp nå, ring **113** (akutt), legevakt **116 117**, Mental Helse hjelpetelefonen **116 123**, Kirkens SOS **22 40 00 40** eller Alarmtelefonen for barn og unge **116 111**.

Meldingene slettes automatisk et døgn etter at kafeen stengte.
`;

export const CAFE_RULES_EN = `# Café rules

The experience café is a low-threshold meeting place led by peer workers. You need no account — only a nickname.

1. **Be generous and respectful.** Take others' experiences seriously, also when you disagree.
2. **What is said in the café stays in the café.** Don't pass on others' stories, and don't write names, phone numbers or anything else that identifies you or others.
3. **The hosts lead the conversation.** They can remove messages, mute or remove participants and turn on slow mode, so that everyone is safe.
4. **Speak up.** If you see something that doesn't belong here, use "Report" on the message.
5. **The café is not a crisis service.** If you need help now, call **113** (emergency), legevakt **116 117**, Mental Helse's helpline **116 123**, Kirkens SOS **22 40 00 40** or Alarmtelefonen for barn og unge **116 111**.

Messages are deleted automatically a day after the café closed.
`;
