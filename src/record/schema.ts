// The output contract (RECORDS.md) as zod schemas: the one source of truth for the
// record types, for validation before every write, and for `ofsted-news schema`.
// Key order inside each z.object is the key order of the written JSON.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const Span = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .refine(([start, end]) => start < end, { message: 'span must be [start, end) with start < end' })
  .describe('[start, end) in UTF-16 code units into the article text');
export type Span = z.infer<typeof Span>;

/** Id of the rule or vocabulary entry that produced a value, e.g. "grade.rated_as". */
const RuleId = z.string().min(1);

export const GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate', 'adequate', 'satisfactory'] as const;
export const Grade = z.enum(GRADES);
export type Grade = z.infer<typeof Grade>;

export const AREAS = ['help_and_protection', 'children_in_care', 'adoption', 'care_leavers', 'leadership', 'lscb', 'fostering'] as const;
export const Area = z.enum(AREAS);
export type Area = z.infer<typeof Area>;

export const INSPECTION_KINDS = [
  'full', 'short', 're_inspection', 'monitoring_visit', 'focused_visit', 'jtai',
  'joint_area_review', 'adoption_agency', 'fostering_agency',
] as const;
export const InspectionKind = z.enum(INSPECTION_KINDS);
export type InspectionKind = z.infer<typeof InspectionKind>;

export const FRAMEWORKS = ['sif', 'ilacs', 'pre_2013'] as const;
export const Framework = z.enum(FRAMEWORKS);
export type Framework = z.infer<typeof Framework>;

export const INSPECTORATES = ['ofsted', 'csci', 'joint'] as const;
export const Inspectorate = z.enum(INSPECTORATES);

export const REMOVED_KINDS = [
  'section_label', 'read_time', 'byline', 'caption', 'paywall', 'newsletter', 'job_ad', 'related',
  'navigation', 'share', 'cookie', 'comments', 'other',
] as const;
export const RemovedKind = z.enum(REMOVED_KINDS);
export type RemovedKind = z.infer<typeof RemovedKind>;

export const ARTICLE_STATUSES = ['ok', 'no_inspection', 'error'] as const;
export const ArticleStatus = z.enum(ARTICLE_STATUSES);
export type ArticleStatus = z.infer<typeof ArticleStatus>;

export const Removed = z.strictObject({ kind: RemovedKind, text: z.string() });
export type Removed = z.infer<typeof Removed>;

export const Warning = z.strictObject({ text: z.string().min(1), span: Span.nullable(), rule: RuleId });
export type Warning = z.infer<typeof Warning>;

export const TALLY_SCOPES = ['england', 'region', 'other'] as const;
export const Tally = z.strictObject({
  scope: z.enum(TALLY_SCOPES),
  framework: Framework.nullable(),
  total: z.number().int().nonnegative().nullable(),
  counts: z.partialRecord(Grade, z.number().int().nonnegative()),
  span: Span,
  rule: RuleId,
});
export type Tally = z.infer<typeof Tally>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'published must be YYYY-MM-DD');

export const ArticleRecord = z.strictObject({
  schema: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  status: ArticleStatus,
  error: z.string().min(1).nullable(),
  title: z.string().nullable(),
  section: z.string().nullable(),
  published: IsoDate.nullable(),
  url: z.string().nullable(),
  text: z.string(),
  removed: z.array(Removed),
  councils: z.array(z.string()),
  tallies: z.array(Tally),
  warnings: z.array(Warning),
}).refine((a) => (a.status === 'error') === (a.error !== null), {
  message: 'error is set exactly when status is "error"',
}).refine((a) => a.status !== 'ok' || a.councils.length > 0, {
  message: 'an ok article names at least one council',
});
export type ArticleRecord = z.infer<typeof ArticleRecord>;

export const CouncilRef = z.strictObject({ name: z.string().min(1), code: z.string().regex(/^E\d{8}$/) });

export const Inspection = z.strictObject({
  inspectorate: Inspectorate.nullable(),
  framework: Framework.nullable(),
  kind: InspectionKind.nullable(),
  period: z.string().min(1).nullable(),
});

export const GradeValue = z.strictObject({ grade: Grade, span: Span, rule: RuleId });
export const PreviousGrade = z.strictObject({ grade: Grade, when: z.string().min(1).nullable(), span: Span, rule: RuleId });
export const Judgement = z.strictObject({ area: Area, grade: Grade, span: Span, rule: RuleId });
export type Judgement = z.infer<typeof Judgement>;

export const Finding = z.strictObject({
  text: z.string().min(1),
  span: Span,
  rule: RuleId,
  quoted: z.boolean(),
  source: z.string().min(1).nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const Response = z.strictObject({
  text: z.string().min(1),
  span: Span,
  rule: RuleId,
  speaker: z.string().min(1).nullable(),
  role: z.string().min(1).nullable(),
});
export type Response = z.infer<typeof Response>;

export const InspectionRecord = z.strictObject({
  schema: z.literal(SCHEMA_VERSION),
  id: z.string().min(1),
  article: z.string().min(1),
  council: CouncilRef,
  inspection: Inspection,
  overall: GradeValue.nullable(),
  previous: PreviousGrade.nullable(),
  judgements: z.array(Judgement),
  praise: z.array(Finding),
  concerns: z.array(Finding),
  responses: z.array(Response),
});
export type InspectionRecord = z.infer<typeof InspectionRecord>;

/** `ofsted-news extract -` writes one of these per input line (RECORDS.md "Running a stream"). */
export const StreamRecord = z.strictObject({ article: ArticleRecord, inspections: z.array(InspectionRecord) });

/** JSON Schema documents for `ofsted-news schema`. */
export function jsonSchemas(): Record<'articles' | 'inspections', unknown> {
  return {
    articles: z.toJSONSchema(ArticleRecord, { io: 'output', unrepresentable: 'any' }),
    inspections: z.toJSONSchema(InspectionRecord, { io: 'output', unrepresentable: 'any' }),
  };
}
