"""Tagging: the codebook, the rule matcher, the learned model and the combined tagger."""
