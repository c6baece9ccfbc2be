"""Mapping of the intermediate document model onto the canonical datasets."""
