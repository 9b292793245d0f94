"""Readers: published reports (Word, web pages, Markdown, flattened text) and the
interchange files (JSON/YAML/TOML) turned into a :class:`Report` plus findings for what
could not be read. (Being built: see issue 4.)"""
