import { splitIntoWaves } from '../status-waves';

const event = (messageSid: string, messageDocumentId: string | null = null) => ({ messageSid, messageDocumentId });

describe('splitIntoWaves', () => {
  it('puts events of different messages in one wave', () => {
    expect(splitIntoWaves([event('SM1'), event('SM2'), event('SM3')])).toEqual([[0, 1, 2]]);
  });

  it('puts each further event of a message one wave later, keeping arrival order', () => {
    expect(splitIntoWaves([event('SM1'), event('SM2'), event('SM1'), event('SM1'), event('SM2')])).toEqual([[0, 1], [2, 4], [3]]);
  });

  it('treats events naming the same documentId as one message, whatever their SIDs', () => {
    expect(splitIntoWaves([event('SM1', 'doc'), event('SM2', 'doc'), event('SM3', null)])).toEqual([[0, 2], [1]]);
  });

  it('follows a chain of SID and documentId links', () => {
    // 1 shares a documentId with 0; 2 shares a SID with 1: three waves.
    expect(splitIntoWaves([event('SM1', 'a'), event('SM2', 'a'), event('SM2', 'b')])).toEqual([[0], [1], [2]]);
  });

  it('answers no waves for no events', () => {
    expect(splitIntoWaves([])).toEqual([]);
  });
});
