"""Assessment screens: the dossier tab, generated forms, history, trend and comparison."""
