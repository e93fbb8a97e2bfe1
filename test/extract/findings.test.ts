import { describe, expect, it } from 'vitest';
import { toneOf } from '../../src/extract/finding-tone.js';
import { extractText } from '../helpers/extract-folder.js';

/** The inspection records of an article given as its paragraphs. */
const recordsOf = (id: string, paragraphs: string[]) => extractText(id, paragraphs.join('\n\n')).inspections;

describe('praise and concern tone', () => {
  it.each([
    ['Inspectors praised the swift action taken by social workers.', { praise: true, concern: false }],
    ['The council is not "sufficiently proactive" in identifying children.', { praise: false, concern: true }],
    ['It avoids not resorting to bed and breakfast accommodation.', { praise: true, concern: false }],
    ['No adoption placement has broken down in five years.', { praise: true, concern: false }],
    ['Leaders show care and concern for children.', { praise: true, concern: false }],
    ['While the company has "added value", some stakeholders feel they are not being consulted.', { praise: true, concern: true }],
    ['Inspectors recommended that children get help more quickly.', { praise: false, concern: true }],
    ['Managers know the service\'s strengths and weaknesses.', { praise: false, concern: false }],
    // A negator denies a run of words of one side, not a criticism after them.
    ['Oversight of casework was not effective and too many children had several social workers.', { praise: false, concern: true }],
    ['Supervision is not always effective in preventing drift for older children.', { praise: false, concern: true }],
    ['Some children were not safe and well supported at home.', { praise: false, concern: true }],
    ['Care leavers are not always supported to find suitable homes.', { praise: false, concern: true }],
    ['The report found that caseloads in some teams were "unmanageably high".', { praise: false, concern: true }],
    ['Care leavers were given "a real sense of belonging".', { praise: true, concern: false }],
    ['Adopters speak highly of the preparation and training they receive.', { praise: true, concern: false }],
    ['Senior leaders are open and honest about the scale of the challenge.', { praise: true, concern: false }],
    ['Children placed with its foster carers are well matched and settled.', { praise: true, concern: false }],
    ['Leaders had made "insufficient progress" in improving the help given to children.', { praise: false, concern: true }],
    ['Leaders have made some progress in improving the timeliness of the initial response.', { praise: true, concern: false }],
    ['The report identified one area for further development: ensuring that placements are found more quickly.', { praise: false, concern: true }],
    ['Thresholds are not understood by partners, and some children are subject to repeated referrals.', { praise: false, concern: true }],
    ['The council was also told to make sure every foster home receives an unannounced visit.', { praise: false, concern: true }],
    // A change of grade is a grade, not a finding.
    ['Work with children in care fared better, receiving the second-highest rating.', { praise: false, concern: false }],
    ['Northumberland has dropped two grades, according to the latest reports.', { praise: false, concern: false }],
    ['Joint inspections do not result in a graded judgement.', { praise: false, concern: false }],
  ])('%s', (s, expected) => expect(toneOf(s)).toEqual(expected));
});

const ARTICLE = `Ofsted rates Anytown's children's services good

Sefton Council's children's services have been rated good by Ofsted, up from requires improvement, after an inspection in March.

Inspectors said social workers knew children well and that leaders had a clear grasp of practice. However, the report says some care plans are not updated quickly enough.

"Leaders are ambitious for children. Staff feel valued," the report says.

Cllr Jane Doe, cabinet member for children's services, said: "We are delighted with this result.

"We will keep improving."

The children's minister, John Roe, said: "This shows what councils can do."`;

describe('findings and responses in an article', () => {
  const { inspections } = extractText('sefton', ARTICLE);
  const sefton = inspections[0]!;

  it('makes one record with this inspection\'s grade and the earlier one', () => {
    expect(inspections.map((r) => r.council.name)).toEqual(['Sefton']);
    expect(sefton.overall?.grade).toBe('good');
    expect(sefton.previous?.grade).toBe('requires_improvement');
    expect(sefton.inspection.kind).toBe('full');
  });

  it('gives one item per quoted sentence and leaves the grade sentence out', () => {
    expect(sefton.praise.map((p) => p.text)).toEqual([
      'Inspectors said social workers knew children well and that leaders had a clear grasp of practice.',
      'Leaders are ambitious for children.',
      'Staff feel valued,',
    ]);
    expect(sefton.praise.slice(1).every((p) => p.quoted && p.source === 'inspection report')).toBe(true);
    expect(sefton.concerns.map((p) => p.text)).toEqual(['However, the report says some care plans are not updated quickly enough.']);
  });

  it('takes the councillor\'s whole quotation as one response, and not the minister\'s', () => {
    expect(sefton.responses).toHaveLength(1);
    expect(sefton.responses[0]!.speaker).toBe('Jane Doe');
    expect(sefton.responses[0]!.role).toBe('cabinet member for children\'s services');
    expect(sefton.responses[0]!.text).toBe('We are delighted with this result.\n\n"We will keep improving.');
  });
});

describe('bullet lists and pronoun attributions', () => {
  const text = `Sefton rated good

Sefton Council's children's services were rated good by Ofsted in a report published today.

Inspectors said the council should improve:

- the timeliness of health assessments for children in care

- planning for care leavers' accommodation

Inspectors found that children are seen regularly. In their letter to the council, they said: "Social workers know children well."`;
  const sefton = extractText('bullets', text).inspections[0]!;

  it('takes the tone of a bullet from its heading', () => {
    expect(sefton.concerns.map((c) => c.text)).toEqual([
      '- the timeliness of health assessments for children in care',
      "- planning for care leavers' accommodation",
    ]);
  });

  it('gives a quotation introduced by "they said" after the inspectors to the inspectors', () => {
    const quoted = sefton.praise.find((p) => p.quoted)!;
    expect(quoted.text).toBe('Social workers know children well.');
    expect(quoted.source).toBe('inspectors');
    expect(sefton.responses).toEqual([]);
  });
});

describe('the kind of inspection', () => {
  it('reads an agency inspection from the sentence that also gives the grade before it', () => {
    const [record] = recordsOf('fostering', [
      'Council fostering service earns good rating',
      'Thursday 15 March 2012',
      'Herefordshire Council\'s fostering service has been rated good by Ofsted – an improvement on the satisfactory grade it was given in 2009.',
      'Inspectors said carers were well supported.',
    ]);
    expect(record?.inspection.kind).toBe('fostering_agency');
    expect(record?.overall?.grade).toBe('good');
    expect(record?.judgements).toEqual([]);
  });

  it('keeps a joint area review that graded its areas a joint area review', () => {
    const [record] = recordsOf('jar', [
      'Island services for children in care praised',
      'Friday 14 March 2008',
      'A joint area review of services for children on the Isle of Wight has been published.',
      'Inspectors rated services for looked after children good.',
    ]);
    expect(record?.inspection.kind).toBe('joint_area_review');
    expect(record?.overall).toBeNull();
    expect(record?.judgements.map((j) => `${j.area}=${j.grade}`)).toEqual(['children_in_care=good']);
  });
});

describe('who speaks for the council', () => {
  const text = (speaker: string) => [
    'Birmingham children\'s services still inadequate',
    'Birmingham City Council\'s children\'s services remain inadequate, Ofsted said in a monitoring letter published in 2017.',
    `${speaker}, said: "This letter shows that the hard work of frontline staff is starting to make a difference."`,
  ].join('\n\n');

  it('hears the commissioner running the service, whoever appointed them', () => {
    const [record] = extractText('commissioner', text('Professor Colin Ashworth, the children\'s services commissioner appointed by the Department for Education to oversee the improvement')).inspections;
    expect(record?.responses.map((r) => r.speaker)).toEqual(['Colin Ashworth']);
  });

  it('does not hear an academic', () => {
    const [record] = extractText('academic', text('Professor Jane Roe, who studies child protection at Durham University')).inspections;
    expect(record?.responses ?? []).toEqual([]);
  });
});

describe('a council described, not named', () => {
  it('gives "the north London borough" to the London council of the two just named', () => {
    const records = recordsOf('described', [
      'Inspection round-up',
      'Camden\'s children\'s services have been rated outstanding by Ofsted, while Northumberland has been rated inadequate.',
      'The north London borough was praised for "exceptional" early help.',
      'In Northumberland, inspectors said too many children waited too long for help. Northumberland must improve, inspectors said of Northumberland.',
    ]);
    const camden = records.find((r) => r.council.name === 'Camden');
    expect(camden?.praise.map((p) => p.text)).toEqual(['The north London borough was praised for "exceptional" early help.']);
  });
});

describe('an annual performance assessment', () => {
  const apa = [
    'Children\'s services rated good in Ofsted\'s annual assessment',
    'Warrington Borough Council\'s children\'s services have been rated good for the second year running in Ofsted\'s annual performance assessment.',
    'Warrington scored three out of four – good – for its overall effectiveness, and was judged outstanding for its capacity to improve.',
    'Of the five outcomes, it was judged outstanding for "enjoying and achieving" and good for "staying safe".',
  ];

  it('makes no inspection record', () => {
    expect(extractText('apa', [...apa, 'Its fostering service is due to be inspected in the new year.'].join('\n\n')).inspections).toEqual([]);
  });

  it('still reports an inspection the same article gives', () => {
    const text = [...apa, 'Separately, Warrington\'s children\'s services were inspected in May and rated inadequate by inspectors.'].join('\n\n');
    expect(extractText('apa-and-inspection', text).inspections.map((i) => i.council.name)).toEqual(['Warrington']);
  });
});

describe('"she said" after reported speech', () => {
  it('goes to the person last named, not to a place', async () => {
    const { attributeQuotations } = await import('../../src/extract/speakers.js');
    const { analyseText } = await import('../../src/extract/document.js');
    const text = 'The Children\'s Commissioner for England, Meredith Lang, warned that children who go missing across the West Midlands were at risk.\n\n"Too many children who run away are treated as a nuisance," she said.';
    const doc = analyseText(text);
    const [attribution] = attributeQuotations(text, doc.sentences, doc.quotes).filter(Boolean);
    expect(attribution).toMatchObject({ speaker: 'Meredith Lang', voice: 'other' });
  });
});

describe('crossheads', () => {
  it('are not findings, though quoted', () => {
    const [record] = recordsOf('crosshead', [
      'Bromley children\'s services rated inadequate',
      'Children\'s services in Bromley have been rated inadequate by Ofsted.',
      '‘Not understood’',
      'Inspectors found that leaders had "not understood the extent" of weaknesses in practice.',
    ]);
    expect(record?.concerns.map((c) => c.text)).toEqual(['Inspectors found that leaders had "not understood the extent" of weaknesses in practice.']);
  });
});

describe('findings of an earlier inspection', () => {
  it('are history when dated by relative words', () => {
    const [record] = recordsOf('earlier', [
      'Calderdale child protection services rated inadequate',
      'Children\'s services in Calderdale have been rated inadequate by Ofsted after an inspection in July 2010.',
      'In an unannounced inspection last year, Ofsted identified three areas for priority action in the council\'s referral arrangements.',
      'Inspectors found that managers did not have enough oversight of frontline work.',
    ]);
    expect(record?.concerns.map((c) => c.text)).toEqual(['Inspectors found that managers did not have enough oversight of frontline work.']);
  });
});

describe('a visit still to come', () => {
  it('makes no record of its own', () => {
    expect(recordsOf('future', [
      'Oxfordshire SEND services given lowest rating after joint inspection',
      'A joint inspection by Ofsted and the Care Quality Commission found "widespread and systemic failings" in SEND support in Oxfordshire.',
      'Oxfordshire will receive a monitoring inspection in around 18 months.',
    ])).toEqual([]);
  });
});

describe('a table of judgements flattened into lines', () => {
  it('reads each label line with the grade line under it', () => {
    const [record] = recordsOf('table', [
      'Ofsted confirms services for children in Barnsley are good',
      'Ofsted has confirmed that services for children and families in Barnsley continue to be good, following an inspection under its new framework.',
      'Inspectors spent two weeks in the borough in September and October, speaking to children, young people, families, social workers and partners.',
      'The inspection looked at every part of the council\'s work with children and families. The judgements are:',
      'Judgement', 'Grade',
      'The impact of leaders on social work practice with children and families', 'Good',
      'The experiences and progress of children who need help and protection', 'Requires improvement to be good',
      'Overall effectiveness', 'Good',
    ]);
    expect(record?.overall?.grade).toBe('good');
    expect(record?.judgements.map((j) => `${j.area}=${j.grade}`).sort()).toEqual(['help_and_protection=requires_improvement', 'leadership=good']);
  });
});

describe('a headline that names no council', () => {
  it('is about the one council the article names', () => {
    const [record] = recordsOf('headline', [
      'Children\'s services \'require improvement\', says branch',
      'Ofsted\'s report on Lewisham\'s children\'s services, published yesterday, makes sobering reading.',
      'Inspectors found that social workers in the assessment service are carrying too many cases.',
    ]);
    expect(record?.council.name).toBe('Lewisham');
    expect(record?.overall?.grade).toBe('requires_improvement');
  });
});

describe('a joint area review', () => {
  it('has no overall grade, whatever a sentence seems to give it', () => {
    const [record] = recordsOf('jar-overall', [
      'Review finds children in care well looked after — but safeguarding only \'adequate\'',
      'Friday 14 March 2008',
      'A joint area review of services for children on the Isle of Wight has found that children in care are well looked after.',
      'Inspectors rated services for looked after children good.',
    ]);
    expect(record?.inspection.kind).toBe('joint_area_review');
    expect(record?.overall).toBeNull();
  });
});
