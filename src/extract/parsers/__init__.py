"""Format-specific readers: each turns one file format into `extract.model.Document`."""
