"""The site built by an engine that runs no Pitchcraft plugin (ProperDocs, Zensical): the
generated folder and its configuration (`export`), the engine run (`engines`), the steps on
the built site that the plugin would have taken (`finish`), and the whole build (`build`)."""
