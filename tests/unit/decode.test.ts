import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes } from '../../src/feeds/decode.js';

const TEXT = 'Café “Überzicht” – 10 € ÿ';
const xml = (encoding: string | null, body = TEXT): string =>
  `${encoding === null ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${encoding}"?>`}<rss><title>${body}</title></rss>`;
const bytesOf = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));
const withBom = (bom: number[], body: Uint8Array): Uint8Array => new Uint8Array([...bom, ...body]);

describe('decodeFeedBytes', () => {
  it('reads plain UTF-8 when nothing is declared', () => {
    expect(decodeFeedBytes(bytesOf(xml(null), 'utf-8'), null)).toEqual({ text: xml(null), encoding: 'utf-8' });
  });

  it('strips a UTF-8 byte order mark and lets it override a wrong HTTP charset', () => {
    const decoded = decodeFeedBytes(withBom([0xef, 0xbb, 0xbf], bytesOf(xml(null), 'utf-8')), 'text/xml; charset=iso-8859-1');
    expect(decoded).toEqual({ text: xml(null), encoding: 'utf-8' });
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
    ['utf-32le', [0xff, 0xfe, 0, 0]],
    ['utf-32be', [0, 0, 0xfe, 0xff]],
  ])('honours a %s byte order mark', (encoding, bom) => {
    const decoded = decodeFeedBytes(withBom(bom, bytesOf(xml('UTF-16'), encoding)), null);
    expect(decoded).toEqual({ text: xml('UTF-16'), encoding });
  });

  it.each(['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'])('recognises %s without a byte order mark', (encoding) => {
    const decoded = decodeFeedBytes(bytesOf(xml(encoding), encoding), null);
    expect(decoded).toEqual({ text: xml(encoding), encoding });
  });

  it('resolves an HTTP charset of plain "utf-16" to the byte order the bytes show', () => {
    const decoded = decodeFeedBytes(bytesOf(xml(null), 'utf-16be'), 'application/rss+xml; charset="UTF-16"');
    expect(decoded).toEqual({ text: xml(null), encoding: 'utf-16be' });
  });

  it('prefers the HTTP charset over the XML declaration', () => {
    const decoded = decodeFeedBytes(bytesOf(xml('utf-8'), 'windows-1252'), 'text/xml; charset=windows-1252');
    expect(decoded).toEqual({ text: xml('utf-8'), encoding: 'windows-1252' });
  });

  it('reads ISO-8859-1 as windows-1252 so C1 bytes become curly quotes and the euro sign', () => {
    const decoded = decodeFeedBytes(bytesOf(xml('ISO-8859-1'), 'windows-1252'), null);
    expect(decoded).toEqual({ text: xml('ISO-8859-1'), encoding: 'windows-1252' });
  });

  it('uses the XML declaration when HTTP says nothing', () => {
    const text = xml('ISO-8859-15', 'Œuvre €');
    expect(decodeFeedBytes(bytesOf(text, 'iso-8859-15'), 'application/xml')).toEqual({ text, encoding: 'iso-8859-15' });
  });

  it('skips a bogus HTTP charset and falls through to the declaration', () => {
    const decoded = decodeFeedBytes(bytesOf(xml('windows-1252'), 'windows-1252'), 'text/xml; charset=no-such-thing');
    expect(decoded).toEqual({ text: xml('windows-1252'), encoding: 'windows-1252' });
  });

  it('ignores a 16-bit charset label on bytes that are plainly 8-bit', () => {
    expect(decodeFeedBytes(bytesOf(xml(null), 'utf-8'), 'text/xml; charset=utf-16')).toEqual({ text: xml(null), encoding: 'utf-8' });
  });

  it('falls back to windows-1252 when undeclared bytes are not valid UTF-8', () => {
    expect(decodeFeedBytes(bytesOf(xml(null), 'windows-1252'), null)).toEqual({ text: xml(null), encoding: 'windows-1252' });
  });

  describe('undeclared bytes that are not UTF-8', () => {
    /** A feed of three items, as a site that declares no charset would serve it. */
    const feedOf = (items: readonly string[]): string =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>${items
        .map((text, i) => `<item><title>Item ${i}</title><description>${text}</description></item>`)
        .join('')}</channel></rss>`;
    const JA = ['東京の天気は明日から崩れる見込みです。', '気象庁は週末にかけて大雨に注意するよう呼びかけています。', '鉄道各社は運転計画を見直すと発表しました。'];
    const ZH = ['北京市政府今天宣布新的公共交通计划。', '预计明年开始实施，市民可以在网上提出意见。', '地铁公司表示将增加早晚高峰的班次。'];
    const ZH_TW = ['台北市政府今天宣布新的公共交通計畫。', '預計明年開始實施，市民可以在網路上提出意見。', '捷運公司表示將增加尖峰時段的班次。'];
    const KO = ['서울시는 오늘 새로운 대중교통 계획을 발표했습니다.', '시민들은 온라인으로 의견을 낼 수 있습니다.', '지하철 회사는 출퇴근 시간대 운행을 늘릴 예정입니다.'];
    const RU = ['Правительство объявило о новом плане развития общественного транспорта.', 'Жители могут оставить свои предложения на сайте.', 'Метрополитен увеличит число поездов в часы пик.'];
    const EL = ['Η κυβέρνηση ανακοίνωσε νέο σχέδιο για τις δημόσιες συγκοινωνίες.', 'Οι πολίτες μπορούν να υποβάλουν προτάσεις στην ιστοσελίδα.', 'Το μετρό θα αυξήσει τα δρομολόγια τις ώρες αιχμής.'];
    const TH = ['กรุงเทพมหานครประกาศแผนการขนส่งสาธารณะใหม่', 'ประชาชนสามารถแสดงความคิดเห็นได้ทางเว็บไซต์', 'รถไฟฟ้าจะเพิ่มเที่ยววิ่งในชั่วโมงเร่งด่วน'];

    it.each([
      ['shift_jis', JA], ['euc-jp', JA], ['gb18030', ZH], ['big5', ZH_TW], ['euc-kr', KO],
      ['windows-1251', RU], ['koi8-r', RU], ['windows-874', TH],
    ] as const)('reads a %s feed in the encoding its bytes show', (encoding, items) => {
      const text = feedOf(items);
      expect(decodeFeedBytes(bytesOf(text, encoding), null)).toEqual({ text, encoding });
    });

    it('reads a windows-1253 Greek feed right (as its near twin ISO-8859-7)', () => {
      const text = feedOf(EL);
      expect(decodeFeedBytes(bytesOf(text, 'windows-1253'), null)).toEqual({ text, encoding: 'iso-8859-7' });
    });

    const PL = ['Rząd zapowiedział w piątek, że ceny energii zostaną zamrożone od przyszłego miesiąca.', 'Minister podkreślił, że decyzja dotyczy gospodarstw domowych i małych firm.', 'Opozycja krytykuje pomysł jako spóźniony i niewystarczający.'];
    const CS = ['Vláda v pátek oznámila, že ceny elektřiny budou od příštího měsíce zmrazeny.', 'Ministr zdůraznil, že rozhodnutí se týká domácností a malých firem.', 'Opozice kritizuje nápad jako příliš pozdní a nedostatečný.'];
    const HU = ['A kormány pénteken bejelentette, hogy a jövő hónaptól befagyasztják az áramárakat.', 'A miniszter hangsúlyozta, hogy a döntés a háztartásokat és a kisvállalkozásokat érinti.', 'Az ellenzék túl késői és elégtelen ötletnek tartja.'];
    const TR = ['Hükümet cuma günü elektrik fiyatlarının gelecek aydan itibaren dondurulacağını açıkladı.', 'Bakan, kararın haneleri ve küçük işletmeleri kapsadığını vurguladı.', 'Muhalefet, fikri çok geç ve yetersiz olarak eleştiriyor.'];

    it.each([
      ['windows-1250', 'windows-1250', PL], ['iso-8859-2', 'iso-8859-2', PL], ['iso-8859-2', 'iso-8859-2', CS],
      ['iso-8859-2', 'iso-8859-2', HU], ['iso-8859-9', 'iso-8859-9', TR],
    ] as const)('reads a %s feed from Central Europe or Turkey as %s, not as windows-1252', (written, read, items) => {
      const text = feedOf(items);
      expect(decodeFeedBytes(bytesOf(text, written), null)).toEqual({ text, encoding: read });
    });

    it('reads windows-1250 rather than ISO-8859-2 when the bytes use 0x80-0x9F, which only the Windows twin reads as text', () => {
      // Hungarian letters sit at the same bytes in both, so chardet names ISO-8859-2; the quotes do not.
      const text = feedOf(HU.map((sentence) => `„${sentence}”`));
      expect(decodeFeedBytes(bytesOf(text, 'windows-1250'), null)).toEqual({ text, encoding: 'windows-1250' });
    });

    it('keeps windows-1252 for a Western feed with symbols beside letters (m³, ¿qué, brand®)', () => {
      const text = feedOf(['El gas cuesta 1,20 euros por m³ este año.', 'Y ahora, ¿qué hará el Gobierno con el precio del m³?', 'La empresa Gasóleo® dice que el precio baja en España.']);
      expect(decodeFeedBytes(bytesOf(text, 'windows-1252'), null)).toEqual({ text, encoding: 'windows-1252' });
    });

    it('reads windows-1254 for a Turkish feed with curly quotes', () => {
      const text = feedOf(TR.map((sentence) => `“${sentence}”`));
      expect(decodeFeedBytes(bytesOf(text, 'windows-1254'), null)).toEqual({ text, encoding: 'windows-1254' });
    });

    const LT = ['Vyriausybė penktadienį pritarė įstatymo pakeitimams, šildymo kainos mažės.', 'Ministras pabrėžė, kad sprendimas susijęs su namų ūkiais ir smulkiuoju verslu.', 'Opozicija kritikuoja šį žingsnį kaip pavėluotą ir nepakankamą.'];
    const LT_HEADLINES = ['Seimas pritarė biudžetui', 'Vilniuje šiandien lis', 'Krepšinio rinktinė laimėjo'];
    const LV = ['Valdība piektdien paziņoja, ka elektrības cenas tiks iesaldētas no nākamā mēneša.', 'Ministrs uzsvēra, ka lēmums attiecas uz mājsaimniecībām un mazajiem uzņēmumiem.', 'Opozīcija kritizē ideju kā novēlotu un nepietiekamu.'];
    const LV_PLACES = ['Rīgā šodien būs silts laiks, ziņo sinoptiķi.', 'Ķekavas novadā ļoti daudz ēku ir bez ūdens.', 'Žurnālisti jautāja ministram par šī gada budžetu.'];

    // chardet ranks such text ISO-8859-1 first: its windows-1252 reading is letters too ("Vyriausybë", "maþës").
    it.each([
      ['Lithuanian', LT], ['Lithuanian (three headlines)', LT_HEADLINES], ['Latvian', LV], ['Latvian (ķ ļ ņ ģ)', LV_PLACES],
    ] as const)('reads an undeclared %s windows-1257 feed as windows-1257, not as windows-1252', (_language, items) => {
      const text = feedOf(items);
      expect(decodeFeedBytes(bytesOf(text, 'windows-1257'), null)).toEqual({ text, encoding: 'windows-1257' });
    });

    it('tells Baltic from Icelandic, whose ð þ are its own letters: Icelandic stays windows-1252, Lithuanian beside it is windows-1257', () => {
      const icelandic = feedOf(['Ríkisstjórnin tilkynnti á föstudag að verð á rafmagni verði fryst.', 'Ráðherrann sagði að ákvörðunin snerti heimili og lítil fyrirtæki.', 'Stjórnarandstaðan gagnrýnir þetta. Það er ljóst, við sjáum með þeim.']);
      expect(decodeFeedBytes(bytesOf(icelandic, 'windows-1252'), null)).toEqual({ text: icelandic, encoding: 'windows-1252' });
      const lithuanian = feedOf(LT);
      expect(decodeFeedBytes(bytesOf(lithuanian, 'windows-1257'), null)).toEqual({ text: lithuanian, encoding: 'windows-1257' });
    });

    it.each([
      ['nl', ['De gemeenteraad keurde gisteren het plan goed; de brug wordt in 2027 gebouwd.', 'Café-eigenaren zijn blij: „Eindelijk!” – zegt één van hen.', 'Het ministerie reageert pas na het reces op de vragen.']],
      ['de', ['Die Bürger in Köln äußerten sich über die Straßenbahn.', 'Größere Züge fahren ab März öfter, teilte der Verkehrsverbund mit.', 'Die Opposition kritisiert die Pläne als überstürzt.']],
      ['fr', ['Le maire a présenté le projet à l’hôtel de ville – à été.', 'Les élèves découvriront la bibliothèque rénovée en été.', 'L’opposition dénonce un coût trop élevé pour la commune.']],
      ['en', ['The café’s owner said the “new rules” cost him €2,000 – too much…', 'Officials declined to comment — again.', 'The council votes next week.']],
      ['es', ['El Gobierno anunció el viernes que los precios se congelarán.', '«Es demasiado tarde», lamenta la oposición.', '¿Qué pasará con los niños de España?']],
      ['it', ['La città è stata colpita da una forte tempesta.', 'Più di cento persone sono state evacuate, perché il fiume è esondato.', 'Il sindaco ha detto che la priorità è la sicurezza.']],
      ['da', ['Regeringen vil hæve skatten på tobak.', 'Ministeren siger, at forslaget får bred støtte.', 'Oppositionen er kritisk over for økonomien.']],
    ] as const)('keeps reading a Western (%s) feed as windows-1252', (_language, items) => {
      const text = feedOf(items);
      expect(decodeFeedBytes(bytesOf(text, 'windows-1252'), null)).toEqual({ text, encoding: 'windows-1252' });
    });
  });

  it('reads a windows-1257 feed declared by any of its labels, in the HTTP header, the XML declaration or both', () => {
    const baltic = 'Šiandien ąžuolų ūkis, čia ėjo į ežerą; Rīgā ķīmiķi ļoti ņēma ģipsi';
    const declared = xml('windows-1257', baltic);
    const undeclared = xml(null, baltic);
    const cases: ReadonlyArray<readonly [string, string | null]> = [
      [undeclared, 'application/rss+xml; charset=windows-1257'],
      [undeclared, 'text/xml; charset=cp1257'],
      [undeclared, 'text/xml; charset="x-cp1257"'],
      [declared, null],
      [declared, 'application/rss+xml; charset=windows-1257'],
    ];
    for (const [text, contentType] of cases) {
      expect(decodeFeedBytes(bytesOf(text, 'windows-1257'), contentType).text, `${contentType} ${text.slice(0, 40)}`).toBe(text);
    }
  });

  it('trusts the XML declaration when the HTTP header claims UTF-8 but the bytes are not', () => {
    const text = xml('iso-8859-2', 'Łódź');
    expect(decodeFeedBytes(bytesOf(text, 'iso-8859-2'), 'text/xml; charset=utf-8')).toEqual({ text, encoding: 'iso-8859-2' });
  });

  it('reads <meta charset> on an HTML page', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>${TEXT}</title></head></html>`;
    expect(decodeFeedBytes(bytesOf(html, 'windows-1252'), 'text/html')).toEqual({ text: html, encoding: 'windows-1252' });
  });

  it('reads the http-equiv form of the HTML charset', () => {
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><title>Привет</title></head></html>`;
    expect(decodeFeedBytes(bytesOf(html, 'koi8-r'), null)).toEqual({ text: html, encoding: 'koi8-r' });
  });

  it('does not look for <meta charset> inside a feed', () => {
    const feed = `<rss><description><![CDATA[<meta charset="koi8-r">]]> ${TEXT}</description></rss>`;
    expect(decodeFeedBytes(bytesOf(feed, 'utf-8'), 'application/rss+xml').encoding).toBe('utf-8');
  });

  it('decodes an empty body to an empty string', () => {
    expect(decodeFeedBytes(new Uint8Array(), null)).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=UTF-8', 'UTF-8'],
    ['text/xml;charset="iso-8859-1"', 'iso-8859-1'],
    ['text/xml; Charset=utf-8; foo=bar', 'utf-8'],
    ['text/xml', null],
    [null, null],
  ])('finds the charset in %s', (header, charset) => {
    expect(charsetFromContentType(header)).toBe(charset);
  });
});
