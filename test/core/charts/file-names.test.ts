import { describe, expect, it } from 'vitest';
import { chartFileName, downloadName, fileStem, mapFileStem, PNG_SCALE } from '../../../src/core/charts/file-names.js';

describe('file names shared by the command line and the page', () => {
  it('give a scenario a stem in lower case with dashes, armsrace without a name', () => {
    expect(fileStem('Hague pledge met')).toBe('hague-pledge-met');
    expect(fileStem('Hague met, Russia answers in proportion')).toBe('hague-met-russia-answers-in-proportion');
    expect(fileStem('Unnamed scenario')).toBe('armsrace');
    expect(fileStem(undefined)).toBe('armsrace');
    expect(fileStem('–––')).toBe('armsrace');
  });

  it("name a download as the command line names the file, after the scenario's stem", () => {
    expect(downloadName('Hague pledge met', chartFileName('allies-burden', 'png'))).toBe(
      'hague-pledge-met-allies-burden.png',
    );
    expect(downloadName('Hague pledge met', 'results.csv')).toBe('hague-pledge-met-results.csv');
    expect(downloadName(undefined, `${mapFileStem(2040, 'membership')}.svg`)).toBe('armsrace-map-2040-membership.svg');
  });

  it('render PNGs at twice the chart size', () => expect(PNG_SCALE).toBe(2));
});
