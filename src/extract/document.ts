// The article as spans: paragraphs, sentences, quotations, and a lookup from an offset
// to its sentence. Every later step reads this instead of splitting the text again.
import { paragraphsOf, quotationsOf, sentenceIndexAt, sentencesOf, type Paragraph, type Quotation, type Sentence } from './sentences.js';

export interface ArticleDocument {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: Quotation[];
  /** Index of the sentence holding `offset` (the last that starts at or before it). */
  sentenceIndexAt(offset: number): number;
  /** The words of a sentence. */
  sentenceText(index: number): string;
}

export function analyseText(text: string): ArticleDocument {
  const paragraphs = paragraphsOf(text);
  const sentences = sentencesOf(text, paragraphs);
  const quotes = quotationsOf(text, paragraphs);
  return {
    text,
    paragraphs,
    sentences,
    quotes,
    sentenceIndexAt: (offset) => sentenceIndexAt(sentences, offset),
    sentenceText(index) {
      const s = sentences[index]!;
      return text.slice(s.start, s.end);
    },
  };
}
