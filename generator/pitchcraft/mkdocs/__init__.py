"""The MkDocs adapter: the only package that imports MkDocs or Material.

Inside it `import mkdocs` is still MkDocs itself (imports are absolute)."""
