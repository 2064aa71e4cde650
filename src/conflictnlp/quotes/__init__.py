"""Quotes and speakers: direct, indirect and mixed quotes, cues, speakers and coreference."""
