"""The registry desk's window and pages (issue 14); started by `medcard --desk`
(`desktop.views.desk.launch.run_desk`), or from the welcome screen's "Reception desk"."""
