"""Guards on what goes into the model and what comes out: prompt-injection detection (normalize,
then rules, then a classifier) and moderation (term lists, regexes, PII detectors)."""
