import { nameSkeleton, withoutSpoofingControls } from './names.js';

describe('nameSkeleton', () => {
  it.each([
    ['Kari Vert', 'K\u0430ri Vert'],
    ['admin', '\u0430dmin'],
    ['Ola', '0la'],
    ['Ola', 'OLA'],
    ['AlaskaJazz', '\u0391laskaJazz'],
    ['Kari', 'Ka\u200Bri'],
    ['Kari', '\u202EKari'],
  ])('should find %j and %j alike', (a, b) => {
    expect(nameSkeleton(b)).toBe(nameSkeleton(a));
  });

  it.each([
    ['Kari', 'Kåri'],
    ['Bjorn', 'Bjørn'],
    ['Ola', 'Ole'],
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
