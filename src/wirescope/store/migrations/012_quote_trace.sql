-- How each quotation was found (issue 16): ids of the quotation extractor's rules that made it, in order
-- (quotes.*, registered in wirescope/nlp/quotes/rules.py). Rows written before this migration have NULL here.

ALTER TABLE quotes ADD COLUMN trace VARCHAR[];
