"""The ecosystem UI: the ecomap editor tab, snapshot comparison, "who does what" and the shared
contact directory page."""
