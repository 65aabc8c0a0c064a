"""What people ask before and while they report, answered from a reviewed knowledge base (issue 16).

``entries.toml`` holds the questions and answers as data: several phrasings per question in Chinese and English,
the answer in both, the rules of ``../shared/domain/rules.md`` it rests on, related entries. ``base`` loads and
checks it; ``search`` ranks the entries for a typed question (BM25 fields fused: phrasings, answers; Chinese by jieba
words and character bigrams, English by Snowball stems; colloquial words expanded by ``synonyms``).
"""
