import { cleanName, isReservedName, nameFormProblem, nameSkeleton, withoutSpoofingControls } from './names.js';

describe('nameSkeleton', () => {
  it.each([
    ['Kari Vert', 'K\u0430ri Vert'],
    ['admin', '\u0430dmin'],
    ['Ola', '0la'],
    ['Ola', 'OLA'],
    ['AlaskaJazz', '\u0391laskaJazz'],
    ['Kari', 'Ka\u200Bri'],
    ['Kari', '\u202EKari'],
    ['Boss', '\uFF22oss'],
    ['Kari', 'Ka\u0301ri'],
    ['forbudt', 'f\u00F3rbudt'],
    ['Ingrid Hansen', 'INGRID  HANSEN '],
  ])('should find %j and %j alike', (a, b) => {
    expect(nameSkeleton(b)).toBe(nameSkeleton(a));
  });

  it.each([
    ['Kari', 'Kåri'],
    ['Bjorn', 'Bjørn'],
    ['Ola', 'Ole'],
    ['Ase', '\u00C5se'],
    ['Ase', 'A\u030Ase'],
  ])('should keep %j and %j apart', (a, b) => {
    expect(nameSkeleton(b)).not.toBe(nameSkeleton(a));
  });
});

describe('withoutSpoofingControls', () => {
  it('should take out bidirectional overrides and C1 controls and keep the rest', () => {
    expect(withoutSpoofingControls('Hei \u202Eexe.gpj\u202C og \u0085farvel – æøå')).toBe(
      'Hei exe.gpj og farvel – æøå',
    );
  });
});

describe('the one name rule', () => {
  it.each([
    'Anonym',
    'Anonym 1',
    'anonym12',
    'ANONYM\uFF11',
    '\u0410nonym 2',
    'An\u200Bonym 3',
    'Anonym #4',
    'Anonym l',
    'Gjest',
    'Gjest 1',
    'Svar i rådslag',
    'Forslag til aktivitetstilbud',
    'vert',
    'M0DERATOR',
    '\u0430dmin',
    'Administrator',
  ])('should keep %j for the forum itself', (name) => {
    expect(isReservedName(name)).toBe(true);
  });

  it.each(['Anonyma', 'Gjesten', 'Vertskap', 'Kari Vert', 'Ola Moderatorsen', 'Anne Nonym'])(
    'should leave %j to anyone',
    (name) => {
      expect(isReservedName(name)).toBe(false);
    },
  );

  it.each([
    ['line\nbreak', 'control'],
    ['tab\there', 'control'],
    ['\u0000nul', 'control'],
    ['\u200B\u200B', 'blank'],
    ['\u202E\u2066 ', 'blank'],
    ['\u3164', 'blank'],
    ['\u0301\u0301', 'blank'],
    ['Kari', null],
    ['李', null],
  ])('should find the form of %j to be %j', (name, problem) => {
    expect(nameFormProblem(name)).toBe(problem);
  });

  it('should keep a name without its invisible and direction-changing characters', () => {
    expect(cleanName('  Ka\u200Bri \u202ENord  ')).toBe('Kari Nord');
  });
});
