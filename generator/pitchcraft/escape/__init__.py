"""Text made safe for the place it lands, one module per place: `xml_text` for feeds and decks,
`comment` for a pull-request comment's Markdown, `workflow` for GitHub workflow commands.

Every value that comes from content or git (titles, card text, file names, commit subjects)
passes through one of these at the boundary; nothing upstream needs to know where it goes.
"""
