"""Fine-tuning on labelled text: convert annotation exports to spaCy data, train, ship."""
