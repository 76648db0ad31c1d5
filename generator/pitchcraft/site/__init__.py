"""Engine-neutral pages: the site's page kinds, made from the model; no MkDocs here."""
